import type { LocalizedText } from '@thidua/scoring';
import type { ApiErrorBody, SheetIssue } from '../contract.js';

/**
 * Every HTTP error the server answers with, one registry (docs/errors-http.md has a row each).
 * The body is always `{ error, message: "vi — en", issues? }`; never a stack trace.
 */
export const httpErrors = {
  invalid_request: { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  invalid_as_of: { status: 400, vi: 'Ngày số liệu (asOf) phải có dạng YYYY-MM-DD và là ngày có thật', en: 'asOf must be a real date written YYYY-MM-DD' },
  invalid_multipart: {
    status: 400,
    vi: 'Biểu mẫu tải lên (multipart/form-data) bị hỏng hoặc không trọn vẹn; hãy chọn lại tệp và gửi lại',
    en: 'The upload form (multipart/form-data) is malformed or incomplete; choose the file again and resend',
  },
  missing_file: { status: 400, vi: 'Chưa có tệp số liệu (CSV hoặc XLSX)', en: 'No statistics file (CSV or XLSX) was sent' },
  unauthorized: {
    status: 401,
    vi: 'Chưa đăng nhập, hoặc mã truy cập (Authorization: Bearer …) sai hay đã bị thu hồi',
    en: 'Not signed in, or the access token (Authorization: Bearer …) is wrong or revoked',
  },
  invalid_credentials: { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong user name or password' },
  forbidden: { status: 403, vi: 'Tài khoản của bạn không có quyền làm việc này', en: 'Your account may not do this' },
  csrf_invalid: {
    status: 403,
    vi: 'Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang quản trị (mã CSRF sai); hãy tải lại trang',
    en: 'The session expired or the request did not come from the admin page (wrong CSRF token); reload the page',
  },
  account_not_found: { status: 404, vi: 'Không có tài khoản này', en: 'No such account' },
  token_not_found: { status: 404, vi: 'Không có mã truy cập này', en: 'No such access token' },
  not_found: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  campaign_not_found: { status: 404, vi: 'Không có đợt thi đua này', en: 'No such campaign' },
  unit_not_found: { status: 404, vi: 'Không có đơn vị này trong danh sách', en: 'No such unit in the roster' },
  snapshot_not_found: { status: 404, vi: 'Không có kỳ số liệu này', en: 'No such snapshot' },
  no_snapshot: { status: 404, vi: 'Chưa có số liệu được công bố đến ngày này', en: 'No statistics published up to this date' },
  campaign_exists: { status: 409, vi: 'Đã có đợt thi đua mang mã này', en: 'A campaign with this id already exists' },
  campaign_archived: { status: 409, vi: 'Đợt thi đua đã được lưu trữ; không thể thay đổi', en: 'The campaign is archived; it can no longer change' },
  campaign_finalized: { status: 409, vi: 'Kết quả đã chốt chính thức; không thể thay đổi số liệu', en: 'The result is final; statistics can no longer change' },
  already_retracted: { status: 409, vi: 'Kỳ số liệu này đã bị thu hồi', en: 'This snapshot is already retracted' },
  already_published: { status: 409, vi: 'Kỳ số liệu này đã được công bố', en: 'This snapshot is already published' },
  account_exists: { status: 409, vi: 'Tên đăng nhập này đã có người dùng', en: 'This user name is taken' },
  last_admin: {
    status: 409,
    vi: 'Không thể bỏ quyền hay khóa quản trị viên cuối cùng còn đăng nhập được',
    en: 'The last administrator who can sign in cannot lose the role or be disabled',
  },
  nothing_to_finalize: { status: 409, vi: 'Chưa có số liệu nào được công bố để chốt', en: 'Nothing has been published to finalise' },
  body_too_large: { status: 413, vi: 'Tệp quá lớn', en: 'The file is too large' },
  unsupported_media_type: {
    status: 415,
    vi: 'Chỉ nhận tệp CSV hoặc XLSX (text/csv, XLSX, application/octet-stream hoặc multipart/form-data trường "file")',
    en: 'Only CSV or XLSX is accepted (text/csv, XLSX, application/octet-stream, or multipart/form-data field "file")',
  },
  as_of_outside_period: { status: 422, vi: 'Ngày số liệu nằm ngoài thời gian thi đua', en: 'asOf is outside the campaign period' },
  invalid_roster: { status: 422, vi: 'Danh sách đơn vị có lỗi; không lưu gì cả', en: 'The roster has errors; nothing was stored' },
  invalid_rule_set: { status: 422, vi: 'Bộ quy tắc có lỗi; không lưu gì cả', en: 'The rule set has errors; nothing was stored' },
  unknown_preset: { status: 422, vi: 'Không có bộ quy tắc mẫu này', en: 'No such preset' },
  invalid_stats_file: { status: 422, vi: 'Tệp số liệu có lỗi; không lưu gì cả', en: 'The statistics file has errors; nothing was stored' },
  storage_full: {
    status: 507,
    vi: 'Ổ đĩa của máy chủ đã đầy (hoặc cơ sở dữ liệu đạt giới hạn dung lượng): không lưu được gì, số liệu đã có vẫn nguyên vẹn. Hãy báo người quản lý máy chủ giải phóng dung lượng',
    en: 'The server\u2019s disk is full (or the database reached its size limit): nothing was stored and the existing data is intact. Ask the server\u2019s administrator to free space',
  },
  storage_read_only: {
    status: 503,
    vi: 'Cơ sở dữ liệu chỉ cho phép đọc (quyền ghi tệp bị thu hồi?): không lưu được gì, số liệu đã có vẫn nguyên vẹn',
    en: 'The database is read-only (was write permission removed?): nothing was stored and the existing data is intact',
  },
  storage_unavailable: {
    status: 503,
    vi: 'Không đọc ghi được cơ sở dữ liệu (lỗi ổ đĩa): không lưu được gì. Hãy báo người quản lý máy chủ',
    en: 'The database cannot be read or written (a disk error): nothing was stored. Tell the server\u2019s administrator',
  },
  too_many_streams: {
    status: 503,
    vi: 'Máy chủ đang mở quá nhiều luồng cập nhật trực tiếp; trang vẫn dùng được, hãy tải lại sau ít phút',
    en: 'The server has too many live-update streams open; the page still works, reload it in a few minutes',
  },
  rate_limited: { status: 429, vi: 'Quá nhiều lần thử sai; vui lòng đợi', en: 'Too many failed attempts; please wait' },
  internal_error: { status: 500, vi: 'Lỗi máy chủ', en: 'Server error' },
  // An index's round (ADR 0020).
  no_round: { status: 404, vi: 'Đợt thi đua này không có vòng tự đánh giá – thẩm định', en: 'This campaign has no self-assessment and appraisal round' },
  criterion_not_found: { status: 404, vi: 'Không có tiêu chí này trong bộ tiêu chí', en: 'No such criterion in the criteria tree' },
  evidence_not_found: { status: 404, vi: 'Không có tài liệu kiểm chứng này', en: 'No such evidence file' },
  outside_phase: { status: 409, vi: 'Ngoài thời gian của giai đoạn', en: 'Outside the phase' },
  self_assessment_submitted: {
    status: 409,
    vi: 'Đơn vị đã nộp bản tự đánh giá: muốn sửa, hãy rút lại bản đã nộp (khi giai đoạn tự đánh giá còn mở)',
    en: 'The unit has submitted its self-assessment: withdraw it first to change it (while the self-assessment phase is open)',
  },
  not_submitted: { status: 409, vi: 'Đơn vị chưa nộp bản tự đánh giá', en: 'The unit has not submitted its self-assessment' },
  appraisal_confirmed: {
    status: 409,
    vi: 'Hội đồng thẩm định đã xác nhận kết quả thẩm định của đơn vị này: không sửa được nữa',
    en: 'The council has confirmed this unit\u2019s appraisal: it can no longer change',
  },
  not_self_assessed: { status: 409, vi: 'Tiêu chí này do Tổ giúp việc chấm, đơn vị không tự chấm', en: 'The appraisers score this criterion; the unit does not assess it' },
  no_explanation: { status: 409, vi: 'Đơn vị chưa giải trình tiêu chí này', en: 'The unit filed no explanation for this criterion' },
  round_incomplete: {
    status: 409,
    vi: 'Vòng chấm điểm chưa xong: còn tiêu chí chưa thẩm định hoặc đơn vị chưa được Hội đồng xác nhận',
    en: 'The round is not complete: criteria are not appraised, or units are not confirmed by the council',
  },
  invalid_points: { status: 422, vi: 'Điểm không hợp lệ', en: 'Invalid points' },
  evidence_refused: { status: 422, vi: 'Tài liệu kiểm chứng bị từ chối; không lưu gì cả', en: 'The evidence file was refused; nothing was stored' },
  invalid_accounts_sheet: { status: 422, vi: 'Danh sách tài khoản có lỗi; không lưu gì cả', en: 'The accounts sheet has errors; nothing was stored' },
  invalid_round: { status: 422, vi: 'Các giai đoạn của vòng chấm điểm không hợp lệ', en: 'The round\u2019s phases are invalid' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type HttpErrorCode = keyof typeof httpErrors;

export type ErrorBody = ApiErrorBody;

export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: HttpErrorCode;
  readonly detail: LocalizedText | null;
  readonly issues: SheetIssue[] | undefined;

  /** `detail` is appended to the registry message, e.g. the period or the limit; `issues` name row, column and reason. */
  constructor(code: HttpErrorCode, opts: { detail?: LocalizedText; issues?: SheetIssue[] } = {}) {
    super(code);
    this.code = code;
    this.statusCode = httpErrors[code].status;
    this.detail = opts.detail ?? null;
    this.issues = opts.issues;
  }

  toBody(): ErrorBody {
    const e = httpErrors[this.code];
    const vi = this.detail ? `${e.vi}: ${this.detail.vi}` : e.vi;
    const en = this.detail ? `${e.en}: ${this.detail.en}` : e.en;
    const body: ErrorBody = { error: this.code, message: `${vi} — ${en}`, text: { vi, en } };
    if (this.issues) body.issues = this.issues;
    return body;
  }
}
