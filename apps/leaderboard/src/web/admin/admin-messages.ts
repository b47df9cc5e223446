import type { Locale } from '../i18n.js';

/** The admin page's words, Vietnamese first. */
export interface AdminMessages {
  title: string;
  back: string;
  tokenLabel: string;
  tokenSave: string;
  tokenForget: string;
  tokenSaved: string;
  tokenHint: string;
  campaignLabel: string;
  campaignPick: string;
  campaignsTitle: string;
  createTitle: string;
  createId: string;
  createIdHint: string;
  createFrom: string;
  fromPreset: string;
  fromFile: string;
  ruleSetFile: string;
  create: string;
  created: (id: string) => string;
  rosterTitle: string;
  rosterHint: string;
  rosterFile: string;
  rosterUpload: string;
  rosterDone: (n: string) => string;
  archiveTitle: string;
  archiveHint: string;
  archive: string;
  archiveConfirm: (title: string) => string;
  archived: string;
  uploadTitle: string;
  fileLabel: string;
  asOfLabel: string;
  dryRun: string;
  publish: string;
  dryRunOk: (rows: string) => string;
  published: (date: string) => string;
  issuesTitle: (n: string) => string;
  warningsTitle: (n: string) => string;
  row: string;
  column: string;
  message: string;
  wholeFile: string;
  templateTitle: string;
  templateCsv: string;
  templateXlsx: string;
  snapshotsTitle: string;
  snapshotAsOf: string;
  snapshotFile: string;
  snapshotRows: string;
  snapshotBy: string;
  snapshotAt: string;
  snapshotState: string;
  retracted: string;
  superseded: string;
  active: string;
  retract: string;
  retractConfirm: (date: string) => string;
  retractDone: (date: string) => string;
  finalizeTitle: string;
  finalizeHint: string;
  finalize: string;
  finalizeConfirm: string;
  cancel: string;
  finalizeDone: string;
  alreadyFinal: string;
  auditTitle: string;
  auditWhen: string;
  auditWho: string;
  auditAction: string;
  auditDetail: string;
  load: string;
  needToken: string;
  working: string;
  requestFailed: (status: string) => string;
  previewTitle: string;
}

const vi: AdminMessages = {
  title: 'Quản trị các đợt thi đua',
  back: '← Các đợt thi đua',
  tokenLabel: 'Mã truy cập quản trị',
  tokenSave: 'Lưu mã',
  tokenForget: 'Xóa mã',
  tokenSaved: 'Đã lưu mã cho phiên làm việc này.',
  tokenHint: 'Mã chỉ được giữ trong tab này và bị xóa khi đóng trình duyệt.',
  campaignLabel: 'Đợt thi đua đang quản trị',
  campaignPick: 'Chọn đợt thi đua',
  campaignsTitle: 'Đợt thi đua',
  createTitle: 'Tạo đợt thi đua mới',
  createId: 'Mã đợt thi đua',
  createIdHint: 'Chữ thường không dấu, chữ số và "-", ví dụ: nui-thanh-2024.',
  createFrom: 'Bộ quy tắc',
  fromPreset: 'Bộ quy tắc mẫu',
  fromFile: 'Tệp bộ quy tắc (JSON)',
  ruleSetFile: 'Tệp bộ quy tắc',
  create: 'Tạo',
  created: (id) => `Đã tạo đợt thi đua "${id}". Hãy tải lên danh sách đơn vị.`,
  rosterTitle: 'Danh sách đơn vị',
  rosterHint: 'Tệp CSV hoặc XLSX có các cột "Mã đơn vị", "Tên đơn vị", "Nhóm" (có thể dùng mẫu số liệu).',
  rosterFile: 'Tệp danh sách đơn vị',
  rosterUpload: 'Thay danh sách đơn vị',
  rosterDone: (n) => `Đã lưu danh sách ${n} đơn vị.`,
  archiveTitle: 'Lưu trữ đợt thi đua',
  archiveHint: 'Đợt thi đua đã lưu trữ vẫn xem được, nhưng không thay đổi được nữa.',
  archive: 'Lưu trữ…',
  archiveConfirm: (t) => `Lưu trữ "${t}"? Không thể hoàn tác.`,
  archived: 'Đã lưu trữ đợt thi đua.',
  uploadTitle: 'Tải lên số liệu',
  fileLabel: 'Tệp số liệu (CSV hoặc XLSX)',
  asOfLabel: 'Số liệu đến ngày',
  dryRun: 'Kiểm tra trước (không lưu)',
  publish: 'Công bố',
  dryRunOk: (r) => `Tệp hợp lệ: ${r} dòng. Xem trước kết quả bên dưới, rồi bấm "Công bố".`,
  published: (d) => `Đã công bố số liệu đến ngày ${d}.`,
  issuesTitle: (n) => `Tệp bị từ chối: ${n} lỗi. Không có dữ liệu nào được lưu.`,
  warningsTitle: (n) => `${n} cảnh báo`,
  row: 'Dòng',
  column: 'Cột',
  message: 'Nội dung',
  wholeFile: 'Cả tệp',
  templateTitle: 'Mẫu số liệu',
  templateCsv: 'Tải mẫu CSV',
  templateXlsx: 'Tải mẫu Excel (XLSX)',
  snapshotsTitle: 'Các kỳ số liệu đã công bố',
  snapshotAsOf: 'Đến ngày',
  snapshotFile: 'Tệp',
  snapshotRows: 'Số dòng',
  snapshotBy: 'Người tải',
  snapshotAt: 'Thời điểm',
  snapshotState: 'Trạng thái',
  retracted: 'Đã thu hồi',
  superseded: 'Đã được thay',
  active: 'Đang dùng',
  retract: 'Thu hồi',
  retractConfirm: (d) => `Thu hồi kỳ số liệu đến ngày ${d}? Kỳ này vẫn được lưu và ghi nhật ký.`,
  retractDone: (d) => `Đã thu hồi kỳ số liệu đến ngày ${d}.`,
  finalizeTitle: 'Chốt kết quả chính thức',
  finalizeHint: 'Sau khi chốt, không thể tải lên số liệu mới; các tệp xuất ghi "Chính thức".',
  finalize: 'Chốt kết quả…',
  finalizeConfirm: 'Tôi xác nhận chốt kết quả chính thức',
  cancel: 'Hủy',
  finalizeDone: 'Đã chốt kết quả chính thức.',
  alreadyFinal: 'Kết quả đã được chốt chính thức.',
  auditTitle: 'Nhật ký thay đổi',
  auditWhen: 'Thời điểm',
  auditWho: 'Người thực hiện',
  auditAction: 'Thao tác',
  auditDetail: 'Chi tiết',
  load: 'Tải nhật ký',
  needToken: 'Nhập mã truy cập quản trị trước.',
  working: 'Đang xử lý…',
  requestFailed: (s) => `Yêu cầu thất bại (mã ${s}).`,
  previewTitle: 'Xem trước kết quả',
};

const en: AdminMessages = {
  title: 'Campaign administration',
  back: '← Campaigns',
  tokenLabel: 'Admin access token',
  tokenSave: 'Save token',
  tokenForget: 'Forget token',
  tokenSaved: 'Token kept for this session.',
  tokenHint: 'The token stays in this tab only and is cleared when the browser closes.',
  campaignLabel: 'Campaign being administered',
  campaignPick: 'Choose a campaign',
  campaignsTitle: 'Campaigns',
  createTitle: 'Create a campaign',
  createId: 'Campaign id',
  createIdHint: 'Lowercase ASCII letters, digits and "-", e.g. nui-thanh-2024.',
  createFrom: 'Rule set',
  fromPreset: 'A preset',
  fromFile: 'A rule-set file (JSON)',
  ruleSetFile: 'Rule-set file',
  create: 'Create',
  created: (id) => `Created campaign "${id}". Now upload its roster.`,
  rosterTitle: 'Roster',
  rosterHint: 'A CSV or XLSX file with the columns "Mã đơn vị", "Tên đơn vị", "Nhóm" (the statistics template will do).',
  rosterFile: 'Roster file',
  rosterUpload: 'Replace the roster',
  rosterDone: (n) => `Saved a roster of ${n} units.`,
  archiveTitle: 'Archive the campaign',
  archiveHint: 'An archived campaign stays readable but can no longer change.',
  archive: 'Archive…',
  archiveConfirm: (t) => `Archive "${t}"? This cannot be undone.`,
  archived: 'The campaign is archived.',
  uploadTitle: 'Upload figures',
  fileLabel: 'Statistics file (CSV or XLSX)',
  asOfLabel: 'Figures as of',
  dryRun: 'Check first (nothing stored)',
  publish: 'Publish',
  dryRunOk: (r) => `The file is valid: ${r} rows. Review the preview below, then press "Publish".`,
  published: (d) => `Published the figures as of ${d}.`,
  issuesTitle: (n) => `File refused: ${n} problems. Nothing was stored.`,
  warningsTitle: (n) => `${n} warnings`,
  row: 'Row',
  column: 'Column',
  message: 'Problem',
  wholeFile: 'Whole file',
  templateTitle: 'Template',
  templateCsv: 'Download CSV template',
  templateXlsx: 'Download Excel template (XLSX)',
  snapshotsTitle: 'Published figures',
  snapshotAsOf: 'As of',
  snapshotFile: 'File',
  snapshotRows: 'Rows',
  snapshotBy: 'Uploaded by',
  snapshotAt: 'At',
  snapshotState: 'State',
  retracted: 'Retracted',
  superseded: 'Superseded',
  active: 'Active',
  retract: 'Retract',
  retractConfirm: (d) => `Retract the figures as of ${d}? They stay stored and logged.`,
  retractDone: (d) => `Retracted the figures as of ${d}.`,
  finalizeTitle: 'Finalise the results',
  finalizeHint: 'After finalising, uploads are refused and exports say "Final".',
  finalize: 'Finalise…',
  finalizeConfirm: 'I confirm: finalise the results',
  cancel: 'Cancel',
  finalizeDone: 'The results are final.',
  alreadyFinal: 'The results are already final.',
  auditTitle: 'Audit log',
  auditWhen: 'When',
  auditWho: 'Who',
  auditAction: 'Action',
  auditDetail: 'Detail',
  load: 'Load the audit log',
  needToken: 'Enter the admin token first.',
  working: 'Working…',
  requestFailed: (s) => `Request failed (status ${s}).`,
  previewTitle: 'Preview',
};

export function adminMessages(locale: Locale): AdminMessages {
  return locale === 'en' ? en : vi;
}
