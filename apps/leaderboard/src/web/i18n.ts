/**
 * The pages' own words, Vietnamese first and English second. Texts the scoring library produces
 * (reasons, breakdown labels, prize labels, group names) come with the data as { vi, en } and are
 * picked with `pick`. The reader's choice is remembered in localStorage and in a `lang` cookie, so
 * the server renders the next page in the same language.
 */
import type { LocalizedText } from '@thidua/scoring';

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];
export const defaultLocale: Locale = 'vi';
export const localeCookie = 'lang';
const storageKey = 'thidua.lang';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

export function pick(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.vi;
}

/** The locale named by a Cookie header (server) or document.cookie (browser). */
export function localeFromCookie(cookieHeader: string | undefined | null): Locale | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === localeCookie && isLocale(value)) return value;
  }
  return null;
}

/** Browser only: the stored choice, else the cookie, else the page's own language. */
export function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; the cookie still remembers.
  }
  return localeFromCookie(document.cookie);
}

/**
 * Browser only, once the server-rendered page has hydrated: the language to show. A `?lang=` link
 * (the no-JavaScript switch) wins, then this browser's stored choice, then what the server
 * rendered. The result is remembered, so storage, cookie and page always agree.
 */
export function settleLocale(rendered: Locale): Locale {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const locale = isLocale(fromUrl) ? fromUrl : (storedLocale() ?? rendered);
  rememberLocale(locale);
  return locale;
}

/**
 * Browser only: a page element follows its language switch (the `locale-changed` event of
 * lb-language-switch): the choice is remembered and the element re-renders in it.
 */
export function followLocaleChanges(host: HTMLElement & { locale: Locale }): void {
  host.addEventListener('locale-changed', (e) => {
    const locale = (e as CustomEvent<unknown>).detail;
    if (!isLocale(locale)) return;
    rememberLocale(locale);
    host.locale = locale;
  });
}

/** Browser only: remember the choice for this browser and for the server's next render. */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Ignored: the cookie below is enough for the server.
  }
  document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = locale;
}

export interface Messages {
  skipToContent: string;
  period: string;
  asOf: (date: string) => string;
  noData: string;
  status: { provisional: string; final: string };
  statusHint: { provisional: string; final: string };
  sampleBanner: string;
  sampleBadge: string;
  language: string;
  languageName: Record<Locale, string>;
  groupsLabel: string;
  search: string;
  searchPlaceholder: string;
  searchNoMatch: string;
  rankingCaption: (group: string) => string;
  col: {
    rank: string;
    change: string;
    unit: string;
    onlineShare: string;
    floor: (percent: string) => string;
    onTime: string;
    late: string;
    deduction: string;
    coefficient: string;
    score: string;
    prize: string;
    amount: string;
    reason: string;
  };
  sortBy: (column: string) => string;
  rankUp: (n: string) => string;
  rankDown: (n: string) => string;
  rankSame: string;
  rankNew: string;
  belowFloor: string;
  ineligibleTitle: string;
  ineligibleCaption: (group: string) => string;
  noIneligible: string;
  awardsTitle: string;
  awardsCaption: (group: string) => string;
  vacant: string;
  vacantExplained: string;
  undecided: string;
  undecidedExplained: (units: string) => string;
  tiedFor: (prizes: string) => string;
  noPrize: string;
  totalAwarded: string;
  grandTotal: string;
  provenance: (ruleSet: string, file: string, sha256: string) => string;
  budget: string;
  exports: string;
  exportAwards: string;
  exportRanking: string;
  print: string;
  live: { updated: (date: string) => string; retracted: string; finalized: string; reconnecting: string; connected: string };
  detailLink: (unit: string) => string;
  unit: {
    back: string;
    notFound: string;
    group: string;
    rank: string;
    score: string;
    prize: string;
    eligible: string;
    ineligible: string;
    breakdownTitle: string;
    breakdownIntro: string;
    step: string;
    formula: string;
    value: string;
    rounded: string;
    source: (section: string) => string;
    gapsTitle: string;
    gapEligibility: (n: string, floor: string) => string;
    gapFirstPrize: (n: string, floor: string) => string;
    gapBracket: (n: string, coefficient: string) => string;
    gapPassUnit: (n: string, unit: string) => string;
    gapNone: string;
    historyTitle: string;
    historyChartLabel: (unit: string) => string;
    historyTable: string;
    historyAsOf: string;
    notRanked: string;
    neverRanked: string;
    inputsTitle: string;
    inputs: { resolvedTotal: string; resolvedOnline: string; resolvedOnlineOnTime: string; resolvedLate: string };
  };
  admin: {
    title: string;
    tokenLabel: string;
    tokenSave: string;
    tokenForget: string;
    tokenSaved: string;
    tokenHint: string;
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
    field: string;
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
    active: string;
    retract: string;
    retractConfirm: (date: string) => string;
    finalizeTitle: string;
    finalizeHint: string;
    finalize: string;
    finalizeConfirm: string;
    finalizeCancel: string;
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
  };
}

const vi: Messages = {
  skipToContent: 'Bỏ qua, đến bảng xếp hạng',
  period: 'Thời gian thi đua',
  asOf: (date) => `Số liệu đến ngày ${date}`,
  noData: 'Chưa có số liệu nào được công bố.',
  status: { provisional: 'Tạm tính', final: 'Chính thức' },
  statusHint: {
    provisional: 'Kết quả tạm tính, có thể thay đổi khi có số liệu mới.',
    final: 'Kết quả chính thức đã được chốt.',
  },
  sampleBanner: 'số liệu giả lập để trình diễn, không phải số liệu thật của các đơn vị.',
  sampleBadge: 'Dữ liệu minh họa',
  language: 'Ngôn ngữ',
  languageName: { vi: 'Tiếng Việt', en: 'English' },
  groupsLabel: 'Nhóm thi đua',
  search: 'Tìm đơn vị',
  searchPlaceholder: 'Ví dụ: Tam Xuân',
  searchNoMatch: 'Không có đơn vị nào khớp với từ khóa.',
  rankingCaption: (group) => `Bảng xếp hạng — ${group}`,
  col: {
    rank: 'Hạng',
    change: 'Thay đổi',
    unit: 'Đơn vị',
    onlineShare: 'Tỷ lệ trực tuyến',
    floor: (p) => `ngưỡng ≥ ${p}`,
    onTime: 'Trực tuyến đúng hạn',
    late: 'Trễ hạn',
    deduction: 'Điểm trừ',
    coefficient: 'Hệ số',
    score: 'Điểm',
    prize: 'Giải',
    amount: 'Tiền thưởng',
    reason: 'Lý do',
  },
  sortBy: (c) => `Sắp xếp theo ${c}`,
  rankUp: (n) => `tăng ${n} bậc so với kỳ trước`,
  rankDown: (n) => `giảm ${n} bậc so với kỳ trước`,
  rankSame: 'không đổi so với kỳ trước',
  rankNew: 'mới vào bảng xếp hạng',
  belowFloor: 'dưới ngưỡng',
  ineligibleTitle: 'Đơn vị chưa đủ điều kiện xếp hạng',
  ineligibleCaption: (g) => `Đơn vị chưa đủ điều kiện — ${g}`,
  noIneligible: 'Tất cả đơn vị đều đủ điều kiện xếp hạng.',
  awardsTitle: 'Danh sách khen thưởng',
  awardsCaption: (g) => `Danh sách khen thưởng — ${g}`,
  vacant: 'Để trống',
  vacantExplained: 'Không có đơn vị đủ điều kiện nhận giải này.',
  undecided: 'Chưa quyết định',
  undecidedExplained: (u) => `Đồng hạng: ${u}. Hội đồng thi đua quyết định.`,
  tiedFor: (p) => `Đồng hạng, chờ Hội đồng quyết định (${p})`,
  noPrize: '—',
  totalAwarded: 'Tổng tiền thưởng đã xác định',
  grandTotal: 'Tổng tiền thưởng toàn đợt thi đua (đã xác định)',
  provenance: (r, f, h) => `Bộ quy tắc: ${r} · Tệp số liệu: ${f} · SHA-256: ${h}`,
  budget: 'Tổng mức giải',
  exports: 'Tải xuống',
  exportAwards: 'Danh sách khen thưởng',
  exportRanking: 'Bảng xếp hạng đầy đủ',
  print: 'In danh sách khen thưởng',
  live: {
    updated: (d) => `Đã cập nhật bảng xếp hạng: số liệu đến ngày ${d}.`,
    retracted: 'Một kỳ số liệu vừa được thu hồi; bảng xếp hạng đã được cập nhật.',
    finalized: 'Kết quả đã được chốt chính thức.',
    reconnecting: 'Mất kết nối cập nhật trực tiếp, đang kết nối lại…',
    connected: 'Đang cập nhật trực tiếp',
  },
  detailLink: (u) => `Xem chi tiết cách tính điểm của ${u}`,
  unit: {
    back: '← Về bảng xếp hạng',
    notFound: 'Không tìm thấy đơn vị này.',
    group: 'Nhóm',
    rank: 'Hạng',
    score: 'Điểm',
    prize: 'Giải',
    eligible: 'Đủ điều kiện xếp hạng',
    ineligible: 'Chưa đủ điều kiện xếp hạng',
    breakdownTitle: 'Cách tính điểm, từng bước',
    breakdownIntro: 'Mỗi bước dẫn nguyên văn Kế hoạch thi đua.',
    step: 'Bước',
    formula: 'Phép tính',
    value: 'Kết quả',
    rounded: '(làm tròn để hiển thị)',
    source: (s) => `Kế hoạch, mục ${s}`,
    gapsTitle: 'Cần thêm bao nhiêu hồ sơ?',
    gapEligibility: (n, f) => `Cần thêm ${n} hồ sơ trực tuyến đúng hạn để đạt ngưỡng xếp hạng (tỷ lệ trực tuyến ${f}).`,
    gapFirstPrize: (n, f) => `Cần thêm ${n} hồ sơ trực tuyến đúng hạn để đạt ngưỡng giải nhất (tỷ lệ trực tuyến ${f}).`,
    gapBracket: (n, c) => `Cần thêm ${n} hồ sơ trực tuyến đúng hạn để lên hệ số ${c}.`,
    gapPassUnit: (n, u) => `Cần thêm ${n} hồ sơ trực tuyến đúng hạn để vượt ${u}.`,
    gapNone: 'Đơn vị đang dẫn đầu nhóm và ở hệ số cao nhất.',
    historyTitle: 'Diễn biến qua các kỳ',
    historyChartLabel: (u) => `Biểu đồ điểm và hạng của ${u} qua các kỳ số liệu`,
    historyTable: 'Điểm và hạng theo từng kỳ',
    historyAsOf: 'Số liệu đến ngày',
    notRanked: 'Chưa xếp hạng',
    neverRanked: 'Chưa được xếp hạng ở kỳ số liệu nào',
    inputsTitle: 'Số liệu của đơn vị',
    inputs: {
      resolvedTotal: 'Tổng số hồ sơ đã giải quyết',
      resolvedOnline: 'Hồ sơ giải quyết trực tuyến (toàn trình, một phần)',
      resolvedOnlineOnTime: 'Hồ sơ trực tuyến đúng hạn, trước hạn',
      resolvedLate: 'Hồ sơ trễ hạn',
    },
  },
  admin: {
    title: 'Quản trị số liệu thi đua',
    tokenLabel: 'Mã truy cập quản trị',
    tokenSave: 'Lưu mã',
    tokenForget: 'Xóa mã',
    tokenSaved: 'Đã lưu mã cho phiên làm việc này.',
    tokenHint: 'Mã chỉ được giữ trong tab này và bị xóa khi đóng trình duyệt.',
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
    field: 'Trường',
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
    active: 'Đang dùng',
    retract: 'Thu hồi',
    retractConfirm: (d) => `Thu hồi kỳ số liệu đến ngày ${d}? Kỳ này vẫn được lưu và ghi nhật ký.`,
    finalizeTitle: 'Chốt kết quả chính thức',
    finalizeHint: 'Sau khi chốt, không thể tải lên số liệu mới; các tệp xuất ghi "Chính thức".',
    finalize: 'Chốt kết quả…',
    finalizeConfirm: 'Tôi xác nhận chốt kết quả chính thức',
    finalizeCancel: 'Hủy',
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
  },
};

const en: Messages = {
  skipToContent: 'Skip to the rankings',
  period: 'Campaign period',
  asOf: (date) => `Figures as of ${date}`,
  noData: 'No figures have been published yet.',
  status: { provisional: 'Provisional', final: 'Final' },
  statusHint: {
    provisional: 'Provisional results; they may change when new figures arrive.',
    final: 'The final results have been confirmed.',
  },
  sampleBanner: 'synthetic figures for demonstration, not the units’ real statistics.',
  sampleBadge: 'Sample data',
  language: 'Language',
  languageName: { vi: 'Tiếng Việt', en: 'English' },
  groupsLabel: 'Competition groups',
  search: 'Find a unit',
  searchPlaceholder: 'e.g. Tam Xuan',
  searchNoMatch: 'No unit matches the search.',
  rankingCaption: (group) => `Ranking — ${group}`,
  col: {
    rank: 'Rank',
    change: 'Change',
    unit: 'Unit',
    onlineShare: 'Online share',
    floor: (p) => `floor ≥ ${p}`,
    onTime: 'Online on time',
    late: 'Late',
    deduction: 'Deduction',
    coefficient: 'Coefficient',
    score: 'Score',
    prize: 'Prize',
    amount: 'Amount',
    reason: 'Reason',
  },
  sortBy: (c) => `Sort by ${c}`,
  rankUp: (n) => `up ${n} since the previous figures`,
  rankDown: (n) => `down ${n} since the previous figures`,
  rankSame: 'unchanged since the previous figures',
  rankNew: 'new in the ranking',
  belowFloor: 'below the floor',
  ineligibleTitle: 'Units not yet eligible',
  ineligibleCaption: (g) => `Units not yet eligible — ${g}`,
  noIneligible: 'Every unit is eligible.',
  awardsTitle: 'Award list',
  awardsCaption: (g) => `Award list — ${g}`,
  vacant: 'Vacant',
  vacantExplained: 'No unit qualifies for this prize.',
  undecided: 'Undecided',
  undecidedExplained: (u) => `Tied: ${u}. The awards committee decides.`,
  tiedFor: (p) => `Tied; the committee decides (${p})`,
  noPrize: '—',
  totalAwarded: 'Total awarded (decided)',
  grandTotal: 'Total awarded in the campaign (decided)',
  provenance: (r, f, h) => `Rule set: ${r} · Statistics file: ${f} · SHA-256: ${h}`,
  budget: 'Prize budget',
  exports: 'Download',
  exportAwards: 'Award list',
  exportRanking: 'Full ranking',
  print: 'Print the award list',
  live: {
    updated: (d) => `Rankings updated: figures as of ${d}.`,
    retracted: 'A set of figures was retracted; the rankings have been updated.',
    finalized: 'The results are now final.',
    reconnecting: 'Live updates lost, reconnecting…',
    connected: 'Live updates on',
  },
  detailLink: (u) => `How ${u}'s score is computed`,
  unit: {
    back: '← Back to the rankings',
    notFound: 'This unit was not found.',
    group: 'Group',
    rank: 'Rank',
    score: 'Score',
    prize: 'Prize',
    eligible: 'Eligible for ranking',
    ineligible: 'Not eligible for ranking',
    breakdownTitle: 'How the score is computed, step by step',
    breakdownIntro: 'Each step quotes the campaign plan.',
    step: 'Step',
    formula: 'Computation',
    value: 'Result',
    rounded: '(rounded for display)',
    source: (s) => `Plan, section ${s}`,
    gapsTitle: 'How many more cases?',
    gapEligibility: (n, f) => `${n} more online cases resolved on time to reach the eligibility floor (online share ${f}).`,
    gapFirstPrize: (n, f) => `${n} more online cases resolved on time to reach the first-prize floor (online share ${f}).`,
    gapBracket: (n, c) => `${n} more online cases resolved on time to reach coefficient ${c}.`,
    gapPassUnit: (n, u) => `${n} more online cases resolved on time to pass ${u}.`,
    gapNone: 'The unit leads its group and is in the top coefficient bracket.',
    historyTitle: 'Across the monthly figures',
    historyChartLabel: (u) => `Chart of ${u}'s score and rank across the published figures`,
    historyTable: 'Score and rank per set of figures',
    historyAsOf: 'Figures as of',
    notRanked: 'Not ranked',
    neverRanked: 'Not ranked in any published figures',
    inputsTitle: 'The unit’s figures',
    inputs: {
      resolvedTotal: 'Cases resolved (all channels)',
      resolvedOnline: 'Cases resolved online (full or partial)',
      resolvedOnlineOnTime: 'Online cases resolved on time or early',
      resolvedLate: 'Cases resolved late',
    },
  },
  admin: {
    title: 'Campaign data administration',
    tokenLabel: 'Admin access token',
    tokenSave: 'Save token',
    tokenForget: 'Forget token',
    tokenSaved: 'Token kept for this session.',
    tokenHint: 'The token stays in this tab only and is cleared when the browser closes.',
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
    field: 'Field',
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
    active: 'Active',
    retract: 'Retract',
    retractConfirm: (d) => `Retract the figures as of ${d}? They stay stored and logged.`,
    finalizeTitle: 'Finalise the results',
    finalizeHint: 'After finalising, uploads are refused and exports say "Final".',
    finalize: 'Finalise…',
    finalizeConfirm: 'I confirm: finalise the results',
    finalizeCancel: 'Cancel',
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
  },
};

const catalogue: Record<Locale, Messages> = { vi, en };

export function messages(locale: Locale): Messages {
  return catalogue[locale];
}
