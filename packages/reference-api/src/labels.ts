import type { DossierStatusCode, Level, OnlineService } from '@dvc-kit/sdk';
import type { Localized } from './locale.ts';

/** TrangThaiHoSo labels as the national portal publishes them (domain.md §3), with English alongside. */
export const STATUS_LABELS: Record<DossierStatusCode, Localized> = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Additional documents requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment of fees or taxes requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn at the applicant’s request' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export const LEVEL_LABELS: Record<Level, Localized> = {
  xa: { vi: 'Cấp xã', en: 'Commune level' },
  tinh: { vi: 'Cấp tỉnh', en: 'Province level' },
  bo: { vi: 'Cấp bộ', en: 'Ministry level' },
  khac: { vi: 'Cơ quan khác', en: 'Other agency' },
};

export const ONLINE_LABELS: Record<OnlineService, Localized> = {
  'toan-trinh': { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online' },
  'mot-phan': { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Không có dịch vụ trực tuyến', en: 'Not available online' },
};
