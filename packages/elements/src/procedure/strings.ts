import type { Strings } from '../base/i18n.ts';

const vi = {
  loading: 'Đang tải thông tin thủ tục…',
  notFoundTitle: 'Không tìm thấy thủ tục',
  notFound: 'Danh mục không có thủ tục nào mang mã {code}.',
  errorTitle: 'Không tải được thủ tục',
  rateLimitedTitle: 'Không tải được thủ tục',
  error: 'Đã có lỗi khi kết nối tới hệ thống. Vui lòng thử lại.',
  offlineTitle: 'Không có kết nối mạng',
  offline: 'Thiết bị đang mất kết nối. Thông tin sẽ được tải lại khi có mạng.',
  rateLimited: 'Hệ thống đang nhận quá nhiều yêu cầu. Vui lòng thử lại sau {wait}.',
  retry: 'Thử lại',
  code: 'Mã thủ tục',
  levels: 'Cấp thực hiện',
  field: 'Lĩnh vực',
  agency: 'Cơ quan thực hiện',
  methods: 'Cách thức thực hiện',
  processingTime: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  noFee: 'Không mất phí',
  notSpecified: 'Không quy định',
  documents: 'Thành phần hồ sơ',
  originals: 'Bản chính: {count}',
  copies: 'Bản sao: {count}',
  template: 'Mẫu: {name}',
  optional: 'Không bắt buộc',
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  results: 'Kết quả thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  otherInfo: 'Thông tin khác',
  subjects: 'Đối tượng thực hiện',
  issuingAgency: 'Cơ quan ban hành',
  type: 'Loại thủ tục',
  portal: 'Xem trên Cổng Dịch vụ công quốc gia',
  submitOnline: 'Nộp hồ sơ trực tuyến',
  newWindow: '(mở trong thẻ mới)',
  notDetailed: 'Danh mục chưa có thông tin chi tiết (thành phần hồ sơ, trình tự, phí) của thủ tục này. Vui lòng xem trên Cổng Dịch vụ công quốc gia.',
};

export type ProcedureStrings = typeof vi;

export const procedureStrings: Strings<ProcedureStrings> = { vi, en: () => import('./strings-en.ts') };
