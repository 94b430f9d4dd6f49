/**
 * The Public Service API v1 as TypeScript types: the wire shapes every package shares.
 * The source of truth is packages/reference-api/openapi.json; a test fails when these drift from it.
 * Dates are ISO 8601 strings (date-times with an offset, e.g. "2026-03-05T09:30:00+07:00").
 */

/** Cấp thực hiện: commune (xã), province (tỉnh), ministry (bộ), other agency (khác). No district level since 1/7/2025. */
export type Level = 'xa' | 'tinh' | 'bo' | 'khac';

/** Dịch vụ công trực tuyến: fully online (toàn trình), partly online (một phần), or information only. */
export type OnlineService = 'toan-trinh' | 'mot-phan' | 'none';

/** Submission channel (cách thức thực hiện): in person, online, public postal service. */
export type Channel = 'direct' | 'online' | 'postal';

/** A filter value: a stable slug id (`ho-tich`) and the display name ("Hộ tịch"). */
export interface Ref {
  id: string;
  name: string;
}

/** A processing time. `unit` is usually working days. `note` keeps the published wording when it is not a plain number. */
export interface Duration {
  value: number;
  unit: 'working-day' | 'day' | 'hour' | 'month';
  note?: string;
}

/** One fee or charge (phí, lệ phí). `amountVnd` is null when the amount is not a single number (see `description`). */
export interface Fee {
  kind: 'phi' | 'le-phi' | 'khac';
  amountVnd: number | null;
  description: string;
}

/** The cheapest and dearest known fee across channels; `free` when every channel costs nothing. */
export interface FeeSummary {
  free: boolean;
  minVnd: number | null;
  maxVnd: number | null;
}

/** Where a query matched, as `[start, end)` UTF-16 offsets into the original (unfolded) text. */
export interface Match {
  field: 'code' | 'name';
  start: number;
  end: number;
}

/** A procedure as a search result. */
export interface ProcedureSummary {
  code: string;
  name: string;
  levels: Level[];
  field: Ref;
  /** The first executing agency (cơ quan thực hiện), if known. */
  agency: Ref | null;
  online: OnlineService;
  /** The shortest processing time over all channels, if known. */
  processingTime: Duration | null;
  fee: FeeSummary | null;
  matches: Match[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchFacets {
  levels: FacetValue[];
  fields: FacetValue[];
  agencies: FacetValue[];
  online: FacetValue[];
}

export interface SearchResult {
  items: ProcedureSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: SearchFacets;
}

export interface SearchParams {
  q?: string;
  level?: Level;
  /** Field id (`Ref.id`). */
  field?: string;
  /** Executing agency id (`Ref.id`). */
  agency?: string;
  /** Only procedures with this online service; `any` = toàn trình or một phần. */
  online?: OnlineService | 'any';
  /** 1-based. */
  page?: number;
  /** 1..50, default 10. */
  pageSize?: number;
}

/** Cách thức thực hiện for one channel. */
export interface Method {
  channel: Channel;
  processingTime: Duration | null;
  fees: Fee[];
  description: string;
}

/** One document to bring (thành phần hồ sơ). */
export interface DocumentItem {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  /** A form template (mẫu đơn, tờ khai) by name, e.g. "Tờ khai đăng ký khai sinh". */
  template: string | null;
}

/** The documents for one situation (trường hợp). */
export interface DocumentCase {
  name: string;
  documents: DocumentItem[];
}

export interface Step {
  title: string;
  description: string;
}

export interface LegalBasis {
  /** Document number, e.g. "60/2014/QH13". */
  number: string;
  title: string;
}

/** One procedure with every field of domain.md §2. Arrays are empty when the catalogue has no detail. */
export interface Procedure extends Omit<ProcedureSummary, 'matches'> {
  /** Loại TTHC, e.g. "TTHC tiêu chuẩn". */
  type: string | null;
  /** Cơ quan ban hành (the ministry). */
  issuingAgency: string | null;
  /** Every executing agency. */
  agencies: Ref[];
  /** Đối tượng thực hiện. */
  subjects: string[];
  methods: Method[];
  documentCases: DocumentCase[];
  steps: Step[];
  /** Yêu cầu, điều kiện: paragraphs. */
  conditions: string[];
  /** Kết quả thực hiện. */
  results: string[];
  legalBasis: LegalBasis[];
  /** The procedure page on the National Public Service Portal. */
  portalUrl: string;
  /** False when the catalogue only lists the procedure (no documents, steps or fees). */
  detailed: boolean;
}

export interface FilterValue {
  id: string;
  name: string;
  count: number;
}

export interface FilterList {
  items: FilterValue[];
}

/** TrangThaiHoSo (domain.md §3). */
export type DossierStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * Timing against the appointment date: finished before (early), on the day (on-time) or after it (overdue);
 * `on-track` while still being handled before the appointment; null when it does not apply (not accepted, withdrawn).
 */
export type TimingClass = 'early' | 'on-time' | 'overdue' | 'on-track';

export interface HistoryEntry {
  at: string;
  /** Handling unit (phòng, bộ phận một cửa...). */
  unit: string;
  /** Officer's name as the one-stop system publishes it (may be null). */
  officer: string | null;
  action: string;
  status: DossierStatusCode | null;
}

/** Yêu cầu bổ sung giấy tờ. */
export interface SupplementRequest {
  requestedAt: string;
  /** What the office asks for, in its words. */
  content: string;
  /** The documents asked for, when listed separately. */
  items: string[];
  /** When the citizen must supply them by, if set. */
  dueAt: string | null;
  /** The new appointment date once supplied, if set. */
  newAppointmentAt: string | null;
  fulfilledAt: string | null;
}

/** The answer of `POST /v1/dossiers/lookup`. */
export interface Dossier {
  code: string;
  procedure: { code: string; name: string };
  /** Masked applicant name, e.g. "Nguyễn V** A*". */
  applicant: string;
  /** Handling agency. */
  agency: string;
  status: { code: DossierStatusCode; label: string };
  receivedAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  timing: TimingClass | null;
  /** Newest first. */
  history: HistoryEntry[];
  /** Oldest first. */
  supplements: SupplementRequest[];
  /**
   * The survey form to offer once the result is returned (status 10), else null. `token` proves that the
   * dossier was looked up (code and ID number): send it back as `SurveyResponseInput.dossierToken` with
   * `dossierCode`. It is opaque, derived from the code alone with a server secret, and not personal data.
   */
  survey: { form: string; token: string } | null;
}

export interface DossierLookup {
  /** Dossier code, e.g. "000.00.06.H56-231027-0361". */
  code: string;
  /** ID number on the dossier: CCCD (12 digits), old CMND (9), passport or tax code. Never sent in a URL. */
  idNumber: string;
}

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceQuestion {
  id: string;
  kind: 'choice';
  label: string;
  help: string | null;
  required: boolean;
  options: ChoiceOption[];
}

export interface TextQuestion {
  id: string;
  kind: 'text';
  label: string;
  help: string | null;
  required: boolean;
  maxLength: number;
}

export type Question = ChoiceQuestion | TextQuestion;

/** A survey form as data (`default` = the per-dossier evaluation of domain.md §4). */
export interface SurveyForm {
  id: string;
  version: number;
  title: string;
  description: string | null;
  /** Whether a response must name a dossier (`dossierCode`). */
  needsDossier: boolean;
  questions: Question[];
}

export interface SurveyResponseInput {
  form: string;
  dossierCode?: string;
  /** `Dossier.survey.token` of the looked-up dossier; sent with `dossierCode`, both or neither. */
  dossierToken?: string;
  /** Question id → chosen option value, or the free text. */
  answers: Record<string, string>;
}

/** The acknowledgement of a stored survey response (replays return the same one). */
export interface SurveyReceipt {
  id: string;
  form: string;
  receivedAt: string;
}

export interface Health {
  status: 'ok';
  version: string;
  procedures: number;
  detailed: number;
}

/** RFC 9457 problem document. `type` is stable per cause (`urn:dvc-kit:problem:<slug>`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** For validation problems: which input was wrong. */
  errors?: { pointer: string; message: string }[];
  /** Seconds, on 429. */
  retryAfter?: number;
}
