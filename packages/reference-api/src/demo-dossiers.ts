import type { DossierStatusCode, HistoryEntry, SupplementRequest, TimingClass } from '@dvc-kit/sdk';
import { maskName } from './mask.ts';
import type { DossierRecord, Store, StoredDossier } from './store.ts';
import { addWorkingDays, atVnTime, formatYyMmDd, onWorkingDay, startOfVnDay, toVnIso } from './time.ts';

/**
 * Demo dossiers: fake but realistic, generated deterministically (a fixed-seed PRNG and a fixed scenario table).
 * Current dossiers are dated relative to the *anchor*, the day the store was first filled, so that "still being
 * handled, on track" means something on that day; the anchor is kept in the store, so the data never changes
 * afterwards (and on-track dossiers become overdue as real days pass, as they would). Old dossiers, from before
 * the district level was abolished on 1/7/2025, have fixed dates and former district agency codes.
 */

export interface DemoDossier extends Omit<DossierRecord, 'applicantMasked'> {
  /** Fake applicant, masked before it reaches a store. */
  applicantName: string;
  /** Fake ID number; stored only as a salted hash. */
  idNumber: string;
  idKind: 'cccd' | 'cmnd' | 'passport' | 'tax-code';
  /** What this dossier demonstrates (English, for the console and for tests). */
  scenario: string;
  /** The timing class the scenario was built for, as seen on the anchor day. */
  expectedTiming: TimingClass | null;
  /** Printed by `npm start` as a ready-made example. */
  featured: boolean;
}

interface Office {
  agency: { code: string; name: string };
  reception: string;
  handler: string;
  leader: string;
}

const COMMUNE: Office = {
  agency: { code: '000.40.21.H56', name: 'UBND phường Nam Thành' },
  reception: 'Bộ phận Một cửa phường Nam Thành',
  handler: 'Công chức Tư pháp - Hộ tịch',
  leader: 'Lãnh đạo UBND phường',
};
const COMMUNE_ECONOMY: Office = { ...COMMUNE, handler: 'Phòng Kinh tế' };
const POLICE: Office = {
  agency: { code: '000.45.21.H56', name: 'Công an phường Nam Thành' },
  reception: 'Bộ phận Một cửa phường Nam Thành',
  handler: 'Tổ Quản lý cư trú',
  leader: 'Trưởng Công an phường',
};
const JUSTICE_DEPARTMENT: Office = {
  agency: { code: '000.00.06.H56', name: 'Sở Tư pháp' },
  reception: 'Trung tâm Phục vụ hành chính công tỉnh',
  handler: 'Phòng Hành chính tư pháp',
  leader: 'Lãnh đạo Sở Tư pháp',
};
const OLD_DISTRICT: Office = {
  agency: { code: '000.00.23.H56', name: 'UBND huyện Yên Khánh (cũ)' },
  reception: 'Bộ phận Một cửa huyện Yên Khánh',
  handler: 'Phòng Tư pháp huyện',
  leader: 'Lãnh đạo UBND huyện',
};
const OLD_COMMUNE: Office = {
  agency: { code: '000.21.23.H56', name: 'UBND xã Khánh Hội (cũ)' },
  reception: 'Bộ phận Một cửa xã Khánh Hội',
  handler: 'Công chức Tư pháp - Hộ tịch',
  leader: 'Lãnh đạo UBND xã',
};

interface DemoProcedure {
  name: string;
  /** Processing time in working days. */
  days: number;
  office: Office;
  supplement: { content: string; items: string[] };
}

const GENERIC_SUPPLEMENT = {
  content: 'Hồ sơ chưa đầy đủ thành phần theo quy định, đề nghị bổ sung giấy tờ còn thiếu.',
  items: ['Bản sao giấy tờ chứng minh nhân thân của người yêu cầu'],
};

const PROCEDURES: Record<string, DemoProcedure> = {
  '1.001193': { name: 'Đăng ký khai sinh', days: 1, office: COMMUNE, supplement: {
    content: 'Đề nghị bổ sung giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh.',
    items: ['Giấy chứng sinh (bản chính)'] } },
  '1.000894': { name: 'Đăng ký kết hôn', days: 5, office: COMMUNE, supplement: {
    content: 'Đề nghị bổ sung giấy xác nhận tình trạng hôn nhân của bên nam do nơi cư trú trước đây cấp.',
    items: ['Giấy xác nhận tình trạng hôn nhân (bản chính)'] } },
  '1.000656': { name: 'Đăng ký khai tử', days: 1, office: COMMUNE, supplement: {
    content: 'Đề nghị bổ sung giấy báo tử hoặc giấy tờ thay thế giấy báo tử.',
    items: ['Giấy báo tử (bản chính)'] } },
  '1.004873': { name: 'Cấp Giấy xác nhận tình trạng hôn nhân', days: 3, office: COMMUNE, supplement: {
    content: 'Người yêu cầu đã cư trú ở nhiều nơi; đề nghị bổ sung văn bản cam đoan về tình trạng hôn nhân trong thời gian cư trú trước đây.',
    items: ['Văn bản cam đoan về tình trạng hôn nhân', 'Bản sao trích lục ghi chú ly hôn (nếu có)'] } },
  '2.000815': { name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận', days: 1, office: COMMUNE, supplement: GENERIC_SUPPLEMENT },
  '2.000884': { name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)', days: 1, office: COMMUNE, supplement: GENERIC_SUPPLEMENT },
  '1.004194': { name: 'Đăng ký tạm trú', days: 3, office: POLICE, supplement: {
    content: 'Đề nghị bổ sung giấy tờ, tài liệu chứng minh chỗ ở hợp pháp.',
    items: ['Hợp đồng thuê nhà có công chứng hoặc chứng thực', 'Văn bản đồng ý cho đăng ký tạm trú của chủ hộ'] } },
  '1.004222': { name: 'Đăng ký thường trú', days: 7, office: POLICE, supplement: {
    content: 'Đề nghị bổ sung giấy tờ chứng minh quan hệ nhân thân với chủ hộ và ý kiến đồng ý của chủ hộ.',
    items: ['Giấy tờ chứng minh quan hệ nhân thân', 'Tờ khai thay đổi thông tin cư trú có ý kiến đồng ý của chủ hộ'] } },
  '2.000720': { name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', days: 3, office: COMMUNE_ECONOMY, supplement: {
    content: 'Giấy đề nghị chưa ghi đủ ngành, nghề kinh doanh; đề nghị nộp lại giấy đề nghị đã sửa.',
    items: ['Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh (đã sửa)'] } },
  '2.001263': { name: 'Đăng ký nuôi con nuôi trong nước', days: 20, office: COMMUNE, supplement: {
    content: 'Đề nghị bổ sung văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế của người nhận con nuôi.',
    items: ['Văn bản xác nhận hoàn cảnh gia đình', 'Giấy khám sức khỏe của người nhận con nuôi'] } },
  '2.000528': { name: 'Đăng ký khai sinh có yếu tố nước ngoài', days: 3, office: JUSTICE_DEPARTMENT, supplement: {
    content: 'Đề nghị bổ sung văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con.',
    items: ['Văn bản thỏa thuận chọn quốc tịch (có chứng thực chữ ký)'] } },
};

interface DraftEntry extends Omit<HistoryEntry, 'at'> {
  at: number;
}

type Supplement = 'open' | 'new-appointment' | 'paused';

interface Scenario {
  status: DossierStatusCode;
  procedure: keyof typeof PROCEDURES;
  timing?: TimingClass;
  supplement?: Supplement;
  long?: boolean;
  idKind?: DemoDossier['idKind'];
  /** Received on this fixed date (pre-reform dossiers), in the given office. */
  old?: { date: string; office: Office; sequence?: number };
  featured?: boolean;
}

// The table that guarantees coverage: all 10 statuses, every timing class, each kind of supplement, long histories.
const SCENARIOS: Scenario[] = [
  { status: 1, procedure: '1.001193' },
  { status: 1, procedure: '1.004194', idKind: 'cmnd' },
  { status: 2, procedure: '1.004222', timing: 'on-track' },
  { status: 2, procedure: '1.000894', timing: 'on-track' },
  { status: 3, procedure: '1.004194' },
  { status: 4, procedure: '1.004222', timing: 'on-track', long: true, featured: true },
  { status: 4, procedure: '1.004873', timing: 'on-track' },
  { status: 4, procedure: '2.000720', timing: 'on-track', idKind: 'tax-code' },
  { status: 4, procedure: '1.004222', timing: 'overdue' },
  { status: 4, procedure: '1.000894', timing: 'overdue' },
  { status: 4, procedure: '2.001263', timing: 'overdue', long: true },
  { status: 5, procedure: '1.004194', timing: 'on-track', supplement: 'open', featured: true },
  { status: 5, procedure: '1.004222', timing: 'on-track', supplement: 'open' },
  { status: 5, procedure: '2.000720', timing: 'on-track', supplement: 'open', idKind: 'tax-code' },
  { status: 6, procedure: '2.000720', timing: 'on-track' },
  { status: 6, procedure: '2.000528', timing: 'on-track', idKind: 'passport' },
  { status: 7, procedure: '1.004222' },
  { status: 7, procedure: '2.000720' },
  { status: 8, procedure: '2.001263' },
  { status: 8, procedure: '1.004194' },
  { status: 9, procedure: '1.004873', timing: 'early' },
  { status: 9, procedure: '1.000894', timing: 'on-time' },
  { status: 9, procedure: '1.004222', timing: 'overdue' },
  { status: 9, procedure: '1.004222', timing: 'early', supplement: 'paused' },
  { status: 10, procedure: '1.001193', timing: 'early', featured: true },
  { status: 10, procedure: '2.000815', timing: 'early' },
  { status: 10, procedure: '2.000884', timing: 'early', idKind: 'passport' },
  { status: 10, procedure: '1.000656', timing: 'on-time' },
  { status: 10, procedure: '1.004194', timing: 'on-time' },
  { status: 10, procedure: '1.004222', timing: 'on-time', supplement: 'paused' },
  { status: 10, procedure: '1.000894', timing: 'overdue' },
  { status: 10, procedure: '2.000720', timing: 'overdue', supplement: 'new-appointment' },
  { status: 10, procedure: '1.004873', timing: 'early', supplement: 'new-appointment' },
  { status: 10, procedure: '2.001263', timing: 'overdue', long: true },
  { status: 10, procedure: '1.004222', timing: 'on-time', long: true },
  // The example code of domain.md §3 resolves to a real (demo) dossier.
  { status: 10, procedure: '2.000528', timing: 'early', old: { date: '2023-10-27', office: JUSTICE_DEPARTMENT, sequence: 361 } },
  { status: 10, procedure: '1.001193', timing: 'on-time', idKind: 'cmnd', old: { date: '2024-03-12', office: OLD_COMMUNE } },
  { status: 10, procedure: '2.000720', timing: 'overdue', long: true, old: { date: '2024-11-05', office: OLD_DISTRICT } },
  { status: 9, procedure: '1.004873', timing: 'early', old: { date: '2025-06-16', office: OLD_DISTRICT } },
  { status: 7, procedure: '1.000894', old: { date: '2025-05-20', office: OLD_DISTRICT } },
  { status: 8, procedure: '2.001263', old: { date: '2025-02-10', office: OLD_DISTRICT } },
  { status: 3, procedure: '1.004194', idKind: 'cmnd', old: { date: '2024-08-01', office: OLD_COMMUNE } },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Gia', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quân',
  'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Yến', 'Khánh', 'Đạt', 'Hiếu', 'Ánh', 'Việt', 'Long'];
// Officers' given names are not among the applicants', so an officer can never be mistaken for an applicant.
const OFFICERS = ['Trần Thị Hồng', 'Lê Văn Thành', 'Phạm Minh Khoa', 'Đỗ Thu Hằng', 'Vũ Quang Huy', 'Ngô Thị Loan',
  'Bùi Đức Thắng', 'Hoàng Ngọc Diệp'];
const CCCD_PROVINCES = ['001', '031', '036', '037', '038', '056'];

const LONG_STEPS = [
  'Phân công cán bộ thụ lý hồ sơ',
  'Thẩm định hồ sơ',
  'Đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư',
  'Gửi văn bản xin ý kiến phối hợp của cơ quan liên quan',
  'Nhận ý kiến phối hợp',
  'Hoàn thiện dự thảo kết quả',
  'Trình lãnh đạo phòng xem xét',
  'Lãnh đạo phòng yêu cầu chỉnh sửa dự thảo',
  'Chỉnh sửa dự thảo theo ý kiến lãnh đạo phòng',
  'Trình lại lãnh đạo phòng',
  'Lãnh đạo phòng thông qua dự thảo',
  'Trình lãnh đạo ký duyệt',
  'Ký số kết quả giải quyết',
  'Chuyển văn thư vào sổ, đóng dấu',
];
const SHORT_STEPS = ['Thẩm định hồ sơ', 'Trình lãnh đạo ký duyệt', 'Ký duyệt kết quả giải quyết'];

/** mulberry32: tiny, fast and good enough for demo data; the same seed always gives the same dossiers. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20250701;
const MINUTE = 60_000;

function dayMonthYear(ms: number): string {
  const iso = toVnIso(ms);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Every demo dossier, with its fake applicant and ID number, for a given anchor day. */
export function demoDossiers(anchor: Date, procedureName: (code: string) => string | undefined = () => undefined): DemoDossier[] {
  const random = seededRandom(SEED);
  const int = (below: number): number => Math.floor(random() * below);
  const choose = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const digits = (count: number): string => Array.from({ length: count }, () => String(int(10))).join('');
  const anchorDay = startOfVnDay(anchor.getTime());
  const usedCodes = new Set<string>();

  return SCENARIOS.map((scenario) => {
    // Every random draw happens here, in a fixed order, so the anchor changes dates but never names or numbers.
    const applicantName = `${choose(FAMILY)} ${choose(MIDDLE)} ${choose(GIVEN)}`;
    const idKind = scenario.idKind ?? 'cccd';
    const cccd = `${choose(CCCD_PROVINCES)}${choose(['0', '1', '2', '3'])}${digits(2)}${digits(6)}`;
    const idNumber = { cccd, cmnd: `16${digits(7)}`, passport: `C${digits(7)}`, 'tax-code': `80${digits(8)}` }[idKind];
    const sequence = scenario.old?.sequence ?? 1 + int(400);
    const officers = [choose(OFFICERS), choose(OFFICERS), choose(OFFICERS)] as const;
    const spread = { back: 2 + int(25), early: int(3), late: 1 + int(3), wait: 2 + int(3), returnLag: int(2), submittedOnline: random() < 0.5 };

    const definition = PROCEDURES[scenario.procedure] as DemoProcedure;
    const office = scenario.old?.office ?? definition.office;
    const days = definition.days;
    const history: DraftEntry[] = [];
    const log = (at: number, unit: string, officer: string | null, action: string, status: DossierStatusCode | null): void => {
      history.push({ at, unit, officer, action, status });
    };

    // When the dossier was received (or, for status 1 and 3, submitted).
    const closedLater = [3, 7, 8, 9, 10].includes(scenario.status) || scenario.timing === undefined;
    let start: number;
    if (scenario.old) start = onWorkingDay(Date.parse(`${scenario.old.date}T00:00:00+07:00`));
    else if (scenario.status === 1) start = addWorkingDays(anchorDay, -1);
    else if (scenario.timing === 'overdue' && !closedLater) start = addWorkingDays(anchorDay, -(days + spread.late + 1));
    else if (scenario.timing === 'on-track' && !closedLater) start = addWorkingDays(anchorDay, -(scenario.supplement === 'open' ? 3 : Math.max(1, days - 1)));
    else start = addWorkingDays(anchorDay, -(days + 14 + spread.back));
    const received = atVnTime(start, 8 + int(3), 5 + int(50));

    let receivedAt: number | null = received;
    let appointment: number | null = addWorkingDays(atVnTime(received, 16, 30), days);
    let finished: number | null = null;
    let returned: number | null = null;
    const supplements: SupplementRequest[] = [];
    const codeDay = received;

    if (scenario.status === 1 || scenario.status === 3) {
      const submitted = atVnTime(start, scenario.status === 1 ? 20 : 9, 15);
      log(submitted, 'Cổng Dịch vụ công', null, 'Nộp hồ sơ trực tuyến', 1);
      if (scenario.status === 3) {
        log(addWorkingDays(atVnTime(submitted, 10, 40), 1), office.reception, officers[0],
          'Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền giải quyết của cơ quan, đã hướng dẫn công dân nộp đúng nơi', 3);
      }
      receivedAt = null;
      appointment = null;
    } else {
      if (spread.submittedOnline) log(received - 15 * 60 * MINUTE, 'Cổng Dịch vụ công', null, 'Nộp hồ sơ trực tuyến', 1);
      log(received, office.reception, officers[0], `Tiếp nhận hồ sơ, hẹn trả kết quả ngày ${dayMonthYear(appointment)}`, 2);
    }

    if (scenario.status !== 1 && scenario.status !== 3 && scenario.status !== 2 && appointment !== null) {
      log(received + 40 * MINUTE, office.reception, officers[0], `Chuyển hồ sơ đến ${office.handler} xử lý`, 4);
      let resumeFrom = received + 60 * MINUTE;

      if (scenario.supplement) {
        const requested = atVnTime(addWorkingDays(received, 1), 9, 30);
        const request: SupplementRequest = {
          requestedAt: toVnIso(requested),
          content: definition.supplement.content,
          items: definition.supplement.items,
          dueAt: toVnIso(atVnTime(addWorkingDays(requested, scenario.supplement === 'open' ? 10 : 5), 17, 0)),
          newAppointmentAt: null,
          fulfilledAt: null,
        };
        log(requested, office.handler, officers[1], `Yêu cầu bổ sung giấy tờ: ${definition.supplement.content}`, 5);
        if (scenario.supplement !== 'open') {
          const fulfilled = atVnTime(addWorkingDays(requested, spread.wait), 9, 0);
          request.fulfilledAt = toVnIso(fulfilled);
          if (scenario.supplement === 'new-appointment') {
            appointment = addWorkingDays(atVnTime(fulfilled, 16, 30), days);
            request.newAppointmentAt = toVnIso(appointment);
            log(fulfilled, office.reception, officers[0], `Công dân nộp bổ sung giấy tờ; hẹn trả kết quả mới ngày ${dayMonthYear(appointment)}`, 4);
          } else {
            log(fulfilled, office.reception, officers[0], 'Công dân nộp bổ sung giấy tờ; tiếp tục xử lý hồ sơ', 4);
          }
          resumeFrom = fulfilled + 30 * MINUTE;
        }
        supplements.push(request);
      }

      // The deadline a finished dossier is measured against (paused supplement days move it, see timing.ts).
      const paused = scenario.supplement === 'paused' ? spread.wait : 0;
      const deadline = addWorkingDays(appointment, paused);
      if (scenario.status === 9 || scenario.status === 10) {
        if (scenario.timing === 'early') {
          const before = Math.max(1, Math.min(days - 1, 1 + spread.early));
          finished = atVnTime(addWorkingDays(deadline, -before), 15, 10);
          if (finished <= resumeFrom) finished = resumeFrom + 90 * MINUTE;
        } else if (scenario.timing === 'on-time') {
          finished = atVnTime(deadline, 15, 10);
        } else {
          finished = atVnTime(addWorkingDays(deadline, spread.late), 15, 10);
        }
      }

      const endOfWork = finished ?? (scenario.status === 7 || scenario.status === 8
        ? atVnTime(addWorkingDays(resumeFrom, 2), 14, 0)
        : Math.min(atVnTime(addWorkingDays(anchorDay, -1), 17, 0), atVnTime(addWorkingDays(resumeFrom, 3), 16, 0)));
      const openEnded = finished === null && scenario.status !== 7 && scenario.status !== 8;
      const steps = scenario.long ? LONG_STEPS.slice(0, openEnded ? 13 : LONG_STEPS.length) : SHORT_STEPS.slice(0, finished ? 3 : 1);
      if (scenario.status !== 5) spreadSteps(steps, resumeFrom, endOfWork, (at, action, i) => {
        log(at, i % 2 === 0 ? office.handler : office.leader, i % 2 === 0 ? officers[1] : officers[2], action, 4);
      });

      if (scenario.status === 6) {
        log(endOfWork, office.handler, officers[1], 'Thông báo nghĩa vụ tài chính; chờ công dân nộp phí, lệ phí', 6);
      } else if (scenario.status === 7) {
        log(endOfWork, office.reception, officers[0], 'Công dân có đơn đề nghị rút hồ sơ; trả lại hồ sơ cho công dân', 7);
      } else if (scenario.status === 8) {
        log(endOfWork, office.leader, officers[2], 'Dừng xử lý: hồ sơ không đủ điều kiện giải quyết theo quy định', 8);
      } else if (finished !== null) {
        log(finished, office.handler, officers[1], `Hoàn thành xử lý, chuyển kết quả về ${office.reception}`, 9);
        if (scenario.status === 10) {
          returned = spread.returnLag === 0 ? finished + 45 * MINUTE : atVnTime(addWorkingDays(finished, 1), 9, 20);
          log(returned, office.reception, officers[0], 'Trả kết quả cho công dân', 10);
        }
      }
    }

    let code = `${office.agency.code}-${formatYyMmDd(codeDay)}-${String(sequence).padStart(4, '0')}`;
    for (let next = sequence + 1; usedCodes.has(code); next++) {
      code = `${office.agency.code}-${formatYyMmDd(codeDay)}-${String(next).padStart(4, '0')}`;
    }
    usedCodes.add(code);

    const entries = history
      .sort((a, b) => a.at - b.at)
      .reverse()
      .map((entry) => ({ ...entry, at: toVnIso(entry.at) }));
    return {
      code,
      procedure: { code: scenario.procedure, name: procedureName(scenario.procedure) ?? definition.name },
      applicantName,
      idNumber,
      idKind,
      agency: office.agency.name,
      status: scenario.status,
      receivedAt: receivedAt === null ? null : toVnIso(receivedAt),
      appointmentAt: appointment === null ? null : toVnIso(appointment),
      finishedAt: finished === null ? null : toVnIso(finished),
      returnedAt: returned === null ? null : toVnIso(returned),
      history: entries,
      supplements,
      scenario: describe(scenario),
      expectedTiming: scenario.timing ?? null,
      featured: scenario.featured ?? false,
    };
  });
}

/** Places steps evenly between two instants, each at least ten minutes after the previous one. */
function spreadSteps(steps: string[], from: number, to: number, place: (at: number, action: string, index: number) => void): void {
  let previous = from;
  steps.forEach((action, index) => {
    const even = from + ((to - from) * (index + 1)) / (steps.length + 1);
    const at = Math.max(Math.round(even / MINUTE) * MINUTE, previous + 10 * MINUTE);
    place(at, action, index);
    previous = at;
  });
}

function describe(scenario: Scenario): string {
  const parts = [`status ${scenario.status}`];
  if (scenario.timing) parts.push(scenario.timing);
  if (scenario.supplement) parts.push(`supplement (${scenario.supplement})`);
  if (scenario.long) parts.push('long history');
  if (scenario.old) parts.push('pre-2025 agency code');
  return parts.join(', ');
}

/** The store form of a demo dossier: masked name, hashed ID number. */
export async function toStoredDossier(store: Store, dossier: DemoDossier): Promise<StoredDossier> {
  const { applicantName, idNumber, idKind: _kind, scenario: _scenario, expectedTiming: _timing, featured: _featured, ...record } = dossier;
  return { ...record, applicantMasked: maskName(applicantName), idHash: await store.hashIdNumber(idNumber) };
}

const ANCHOR_KEY = 'demo-anchor';

/**
 * Fills an empty store with the demo dossiers (anchored on `now`) and returns the anchor; on a store that already
 * has dossiers it returns the anchor recorded then, or null when the dossiers did not come from here.
 */
export async function seedDemoDossiers(
  store: Store,
  now: Date,
  procedureName?: (code: string) => string | undefined,
): Promise<Date | null> {
  if ((await store.countDossiers()) > 0) {
    const recorded = await store.getMeta(ANCHOR_KEY);
    return recorded ? new Date(recorded) : null;
  }
  const dossiers = demoDossiers(now, procedureName);
  await store.putDossiers(await Promise.all(dossiers.map((dossier) => toStoredDossier(store, dossier))));
  await store.setMeta(ANCHOR_KEY, now.toISOString());
  return now;
}
