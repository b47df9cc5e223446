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
  home: string;
  period: string;
  asOf: (date: string) => string;
  /** "Công bố lúc 08:58 ngày 06/12/2026": when the figures shown were published. */
  publishedAt: (moment: string) => string;
  /** "Chính thức theo Quyết định số 125/QĐ-UBND ngày 15/01/2024": the decision a final result rests on. */
  finalUnder: (kind: string | null, number: string, date: string) => string;
  noData: string;
  /** The award annex of a campaign that awards nothing. */
  noAwards: string;
  status: { provisional: string; final: string };
  statusHint: { provisional: string; final: string };
  archived: string;
  sampleBanner: string;
  sampleBadge: string;
  language: string;
  languageName: Record<Locale, string>;
  campaigns: {
    title: string;
    intro: string;
    active: string;
    archivedTitle: string;
    latest: (date: string) => string;
    units: (n: string) => string;
    leaders: string;
    open: (title: string) => string;
    none: string;
    targetsMet: (met: string, of: string) => string;
  };
  groupsLabel: string;
  search: { label: string; placeholder: string; noMatch: string; results: (n: string) => string; inGroup: (group: string) => string };
  rankingCaption: (group: string) => string;
  targetsCaption: (group: string) => string;
  /** Where the table's further columns are: a tap away on a phone, a sideways scroll on a wide screen. */
  figuresTapHint: string;
  figuresScrollHint: string;
  /** Why a group lists no unit (nothing published is `noData`). */
  /** A scorecard campaign's table of units (the CCHC index). */
  scorecard: {
    caption: (group: string) => string;
    total: string;
    of: (max: string) => string;
    groupRank: (rank: string, of: string) => string;
    tapHint: string;
  };
  emptyGroup: { allIneligible: (count: string) => string; noUnits: string };
  col: {
    rank: string;
    change: string;
    unit: string;
    score: string;
    prize: string;
    class: string;
    targets: string;
    amount: string;
    reason: string;
  };
  showMore: (n: string) => string;
  rankUp: (n: string) => string;
  rankDown: (n: string) => string;
  rankSame: string;
  rankNew: string;
  changedMark: string;
  met: string;
  notMet: string;
  rulesTitle: string;
  conditions: (list: string) => string;
  tieRules: (list: string) => string;
  alsoRankedBy: (criteria: string) => string;
  noTieRules: string;
  tieBroken: (score: string, order: string, by: string) => string;
  tieShared: (score: string, units: string, sharedFigures: string) => string;
  classesLegend: (list: string) => string;
  targetsLegend: string;
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
  noClass: string;
  totalAwarded: string;
  grandTotal: string;
  provenance: (ruleSet: string, file: string, sha256: string) => string;
  budget: string;
  exports: string;
  exportAwards: string;
  exportRanking: string;
  exportBundle: string;
  print: string;
  /** The award list as the decision's annex, to print and sign. */
  /** The printable results table (every unit's result, with the document's header and signatures). */
  resultsTable: string;
  exportScorecard: string;
  annex: string;
  /** The CSV for Excel set to Vietnamese (";" and decimal commas). */
  excelVn: string;
  live: {
    updated: (date: string) => string;
    updatedAt: (time: string) => string;
    retracted: string;
    finalized: string;
    reconnecting: string;
  };
  unit: {
    back: string;
    notFound: string;
    rank: string;
    score: string;
    prize: string;
    class: string;
    targetsMet: string;
    eligible: string;
    ineligible: string;
    workingTitle: string;
    workingIntro: string;
    scorecardTitle: string;
    figuresTitle: string;
    scorecardIntro: string;
    workingShow: string;
    workingLoading: string;
    workingFailed: string;
    max: (max: string) => string;
    countedMax: (counted: string, max: string) => string;
    notApplicable: string;
    stated: (value: string) => string;
    selfAssessed: (value: string) => string;
    comment: string;
    /** An index round's explanation, the appraiser's answer, and published evidence. */
    roundExplanation: string;
    roundAnswer: (changed: boolean) => string;
    roundEvidence: string;
    source: (section: string) => string;
    conditionsTitle: string;
    gapsTitle: string;
    gapEligibility: (n: string, move: string, conditions: string) => string;
    gapPrizeFloor: (n: string, move: string, conditions: string) => string;
    gapBracket: (n: string, move: string, value: string) => string;
    gapClass: (n: string, move: string, label: string) => string;
    gapPassUnit: (n: string, move: string, unit: string) => string;
    gapTarget: (n: string, move: string) => string;
    outOfReach: string;
    gapNone: string;
    targetsTitle: string;
    historyTitle: string;
    historyChartLabel: (unit: string) => string;
    historyTable: string;
    historyAsOf: string;
    notRanked: string;
    neverRanked: string;
    inputsTitle: string;
    warnings: string;
  };
}

const vi: Messages = {
  skipToContent: 'Bỏ qua, đến nội dung chính',
  home: 'Các đợt thi đua',
  period: 'Thời gian',
  asOf: (date) => `Số liệu đến ngày ${date}`,
  publishedAt: (moment) => `Công bố ${moment}`,
  finalUnder: (kind, number, date) => `Chính thức theo ${kind ?? 'Quyết định'} số ${number} ngày ${date}`,
  noData: 'Chưa có số liệu nào được công bố.',
  noAwards: 'Đợt thi đua này không trao giải, nên không có danh sách khen thưởng để in. Kết quả xem ở trang của đợt thi đua.',
  status: { provisional: 'Tạm tính', final: 'Chính thức' },
  statusHint: {
    provisional: 'Kết quả tạm tính, có thể thay đổi khi có số liệu mới.',
    final: 'Kết quả chính thức đã được chốt.',
  },
  archived: 'Đã lưu trữ',
  sampleBanner: 'số liệu giả lập để trình diễn, không phải số liệu thật của các đơn vị.',
  sampleBadge: 'Dữ liệu minh họa',
  language: 'Ngôn ngữ',
  languageName: { vi: 'Tiếng Việt', en: 'English' },
  campaigns: {
    title: 'Các đợt thi đua, chỉ số và chỉ tiêu',
    intro: 'Kết quả công khai của các đợt thi đua giải quyết thủ tục hành chính, chỉ số phục vụ và chỉ tiêu cải cách hành chính.',
    active: 'Đang diễn ra và đã công bố',
    archivedTitle: 'Đã lưu trữ',
    latest: (d) => `Số liệu mới nhất: ${d}`,
    units: (n) => `${n} đơn vị`,
    leaders: 'Dẫn đầu',
    open: (t) => `Xem bảng xếp hạng: ${t}`,
    none: 'Chưa có đợt thi đua nào.',
    targetsMet: (m, o) => `đạt ${m}/${o} chỉ tiêu`,
  },
  groupsLabel: 'Nhóm',
  search: {
    label: 'Tìm đơn vị (mọi nhóm)',
    placeholder: 'Ví dụ: tam xuan',
    noMatch: 'Không có đơn vị nào khớp với từ khóa.',
    results: (n) => `${n} đơn vị khớp`,
    inGroup: (g) => `thuộc ${g}`,
  },
  rankingCaption: (group) => `Bảng xếp hạng — ${group}`,
  targetsCaption: (group) => `Kết quả thực hiện chỉ tiêu — ${group}`,
  figuresTapHint: 'Chạm vào tên đơn vị để xem các chỉ số khác.',
  figuresScrollHint: 'Bảng còn các cột điểm ở bên phải: kéo ngang bảng để xem →',
  scorecard: {
    caption: (group) => `Bảng tổng hợp điểm — ${group}`,
    total: 'Tổng điểm',
    of: (max) => `tối đa ${max}`,
    groupRank: (rank, of) => `hạng ${rank}/${of}`,
    tapHint: 'Bảng điểm từng tiêu chí của một đơn vị: chạm vào tên đơn vị.',
  },
  emptyGroup: {
    allIneligible: (count) => `Không đơn vị nào được xếp hạng: cả ${count} đơn vị của nhóm chưa đạt điều kiện (lý do của từng đơn vị ở bên dưới).`,
    noUnits: 'Nhóm này không có đơn vị nào trong danh sách.',
  },
  col: {
    rank: 'Hạng',
    change: 'Thay đổi',
    unit: 'Đơn vị',
    score: 'Điểm',
    prize: 'Giải',
    class: 'Xếp loại',
    targets: 'Chỉ tiêu đạt',
    amount: 'Tiền thưởng',
    reason: 'Lý do',
  },
  showMore: (n) => `Xem thêm ${n} đơn vị`,
  rankUp: (n) => `tăng ${n} bậc so với kỳ trước`,
  rankDown: (n) => `giảm ${n} bậc so với kỳ trước`,
  rankSame: 'không đổi so với kỳ trước',
  rankNew: 'mới vào bảng xếp hạng',
  changedMark: 'vừa cập nhật',
  met: 'Đạt',
  notMet: 'Chưa đạt',
  rulesTitle: 'Quy tắc',
  conditions: (l) => `Điều kiện xếp hạng: ${l}.`,
  tieRules: (l) => `Bằng điểm thì xếp theo: ${l}; vẫn bằng nhau thì đồng hạng.`,
  alsoRankedBy: (c) => `Xếp hạng theo tổng điểm, và theo từng nhóm tiêu chí: ${c}.`,
  noTieRules: 'Bằng điểm thì đồng hạng.',
  tieBroken: (s, order, by) => `Bằng ${s} điểm: ${order} (theo ${by}).`,
  tieShared: (s, u, f) => `Đồng hạng với ${s} điểm${f ? `, cùng ${f}` : ''}: ${u}.`,
  classesLegend: (l) => `Xếp loại theo điểm: ${l}.`,
  targetsLegend: 'Mỗi chỉ tiêu ghi "Đạt" hoặc "Chưa đạt"; trang của từng đơn vị ghi số hồ sơ còn thiếu.',
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
  noClass: 'Chưa xếp loại',
  totalAwarded: 'Tổng tiền thưởng đã xác định',
  grandTotal: 'Tổng tiền thưởng toàn đợt thi đua (đã xác định)',
  provenance: (r, f, h) => `Bộ quy tắc: ${r} · Tệp số liệu: ${f} · SHA-256: ${h}`,
  budget: 'Tổng mức giải',
  exports: 'Tải xuống',
  exportAwards: 'Danh sách khen thưởng',
  exportRanking: 'Bảng xếp hạng đầy đủ',
  exportBundle: 'Hồ sơ kết quả để kiểm chứng (JSON)',
  print: 'In danh sách khen thưởng',
  resultsTable: 'Bảng tổng hợp kết quả (bản in)',
  exportScorecard: 'Bảng chấm điểm theo tiêu chí',
  annex: 'Danh sách khen thưởng để ký (phụ lục quyết định)',
  excelVn: 'CSV cho Excel tiếng Việt',
  live: {
    updated: (d) => `Đã cập nhật: số liệu đến ngày ${d}.`,
    updatedAt: (t) => `cập nhật lúc ${t}`,
    retracted: 'Một kỳ số liệu vừa được thu hồi; bảng xếp hạng đã được cập nhật.',
    finalized: 'Kết quả đã được chốt chính thức.',
    reconnecting: 'Mất kết nối cập nhật trực tiếp, đang kết nối lại…',
  },
  unit: {
    back: '← Về bảng xếp hạng',
    notFound: 'Không tìm thấy đơn vị này.',
    rank: 'Hạng',
    score: 'Điểm',
    prize: 'Giải',
    class: 'Xếp loại',
    targetsMet: 'Chỉ tiêu đạt',
    eligible: 'Đủ điều kiện xếp hạng',
    ineligible: 'Chưa đủ điều kiện xếp hạng',
    workingTitle: 'Cách tính, từng bước',
    scorecardTitle: 'Bảng điểm',
    figuresTitle: 'Các chỉ số được công bố',
    scorecardIntro: 'Từng tiêu chí với điểm tối đa, điểm thẩm định và nhận xét, theo từng nhiệm vụ (bấm vào tên nhiệm vụ để thu gọn). Chỗ văn bản không khớp được đánh dấu ⚠ ngay tại tiêu chí.',
    workingIntro: 'Mỗi con số kèm phép tính bằng số liệu của đơn vị và câu văn bản quy định nó.',
    workingShow: 'Xem cách tính',
    workingLoading: 'Đang tải cách tính…',
    workingFailed: 'Không tải được cách tính; hãy thử lại.',
    max: (m) => `tối đa ${m}`,
    countedMax: (c, m) => `tối đa ${c} (văn bản: ${m}; phần không phát sinh không tính)`,
    notApplicable: 'không phát sinh',
    stated: (v) => `văn bản ghi ${v}`,
    selfAssessed: (v) => `tự chấm ${v}`,
    comment: 'Nhận xét',
    roundExplanation: 'Giải trình của đơn vị',
    roundAnswer: (changed) => (changed ? 'Tổ giúp việc chấp nhận, đổi điểm' : 'Tổ giúp việc giữ nguyên điểm'),
    roundEvidence: 'Tài liệu kiểm chứng',
    source: (s) => `Văn bản, mục ${s}`,
    conditionsTitle: 'Điều kiện',
    gapsTitle: 'Cần thêm bao nhiêu?',
    gapEligibility: (n, m, c) => `Cần thêm ${n} ${m} để đủ điều kiện xếp hạng (${c}).`,
    gapPrizeFloor: (n, m, c) => `Cần thêm ${n} ${m} để đạt điều kiện giải cao nhất (${c}).`,
    gapBracket: (n, m, v) => `Cần thêm ${n} ${m} để lên hệ số ${v}.`,
    gapClass: (n, m, l) => `Cần thêm ${n} ${m} để được xếp loại ${l}.`,
    gapPassUnit: (n, m, u) => `Cần thêm ${n} ${m} để vượt ${u}.`,
    gapTarget: (n, m) => `cần thêm ${n} ${m}`,
    outOfReach: 'không thể đạt chỉ bằng cách này',
    gapNone: 'Không còn mốc nào để đạt thêm.',
    targetsTitle: 'Chỉ tiêu',
    historyTitle: 'Diễn biến qua các kỳ',
    historyChartLabel: (u) => `Biểu đồ điểm và hạng của ${u} qua các kỳ số liệu`,
    historyTable: 'Điểm và hạng theo từng kỳ',
    historyAsOf: 'Số liệu đến ngày',
    notRanked: 'Chưa xếp hạng',
    neverRanked: 'Chưa được xếp hạng ở kỳ số liệu nào',
    inputsTitle: 'Số liệu của đơn vị',
    warnings: 'Lưu ý',
  },
};

const en: Messages = {
  skipToContent: 'Skip to the main content',
  home: 'Campaigns',
  period: 'Period',
  asOf: (date) => `Figures as of ${date}`,
  publishedAt: (moment) => `Published ${moment}`,
  finalUnder: (kind, number, date) => `Final under ${kind ? `${kind} (document)` : 'Decision'} no. ${number} of ${date}`,
  noData: 'No figures have been published yet.',
  noAwards: 'This campaign awards no prizes, so there is no award list to print. Its results are on the campaign page.',
  status: { provisional: 'Provisional', final: 'Final' },
  statusHint: {
    provisional: 'Provisional results; they may change when new figures arrive.',
    final: 'The final results have been confirmed.',
  },
  archived: 'Archived',
  sampleBanner: 'synthetic figures for demonstration, not the units’ real statistics.',
  sampleBadge: 'Sample data',
  language: 'Language',
  languageName: { vi: 'Tiếng Việt', en: 'English' },
  campaigns: {
    title: 'Campaigns, indices and targets',
    intro: 'Published results of competitions on administrative procedures, service indices and reform targets.',
    active: 'Running and published',
    archivedTitle: 'Archived',
    latest: (d) => `Latest figures: ${d}`,
    units: (n) => `${n} units`,
    leaders: 'Leading',
    open: (t) => `Open the rankings: ${t}`,
    none: 'No campaign yet.',
    targetsMet: (m, o) => `${m} of ${o} targets met`,
  },
  groupsLabel: 'Groups',
  search: {
    label: 'Find a unit (every group)',
    placeholder: 'e.g. tam xuan',
    noMatch: 'No unit matches the search.',
    results: (n) => `${n} matching units`,
    inGroup: (g) => `in ${g}`,
  },
  rankingCaption: (group) => `Ranking — ${group}`,
  targetsCaption: (group) => `Targets met — ${group}`,
  figuresTapHint: 'Tap a unit\u2019s name for its other figures.',
  figuresScrollHint: 'More columns to the right: scroll the table sideways →',
  scorecard: {
    caption: (group) => `Points by group — ${group}`,
    total: 'Total',
    of: (max) => `of ${max}`,
    groupRank: (rank, of) => `rank ${rank} of ${of}`,
    tapHint: 'A unit\u2019s scorecard, criterion by criterion: tap its name.',
  },
  emptyGroup: {
    allIneligible: (count) => `No unit is ranked: all ${count} units of the group fall short of the conditions (each unit's reason is below).`,
    noUnits: 'This group has no unit in the roster.',
  },
  col: {
    rank: 'Rank',
    change: 'Change',
    unit: 'Unit',
    score: 'Score',
    prize: 'Prize',
    class: 'Class',
    targets: 'Targets met',
    amount: 'Amount',
    reason: 'Reason',
  },
  showMore: (n) => `Show ${n} more units`,
  rankUp: (n) => `up ${n} since the previous figures`,
  rankDown: (n) => `down ${n} since the previous figures`,
  rankSame: 'unchanged since the previous figures',
  rankNew: 'new in the ranking',
  changedMark: 'just updated',
  met: 'Met',
  notMet: 'Not met',
  rulesTitle: 'Rules',
  conditions: (l) => `To be ranked: ${l}.`,
  tieRules: (l) => `Equal scores are ordered by ${l}; units still equal share a rank.`,
  alsoRankedBy: (c) => `Ranked by the total, and by each group of criteria: ${c}.`,
  noTieRules: 'Units with equal scores share a rank.',
  tieBroken: (s, order, by) => `Equal at ${s}: ${order} (by ${by}).`,
  tieShared: (s, u, f) => `Sharing a rank at ${s}${f ? `, equal ${f}` : ''}: ${u}.`,
  classesLegend: (l) => `Classes by score: ${l}.`,
  targetsLegend: 'Each target reads "Met" or "Not met"; each unit’s page says how many cases are still needed.',
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
  noClass: 'No class',
  totalAwarded: 'Total awarded (decided)',
  grandTotal: 'Total awarded in the campaign (decided)',
  provenance: (r, f, h) => `Rule set: ${r} · Statistics file: ${f} · SHA-256: ${h}`,
  budget: 'Prize budget',
  exports: 'Download',
  exportAwards: 'Award list',
  exportRanking: 'Full ranking',
  exportBundle: 'Verifiable result bundle (JSON)',
  print: 'Print the award list',
  resultsTable: 'Table of results (to print)',
  exportScorecard: 'Scorecard by criterion',
  annex: 'Award list to sign (the decision’s annex)',
  excelVn: 'CSV for Excel in Vietnamese',
  live: {
    updated: (d) => `Updated: figures as of ${d}.`,
    updatedAt: (t) => `updated at ${t}`,
    retracted: 'A set of figures was retracted; the rankings have been updated.',
    finalized: 'The results are now final.',
    reconnecting: 'Live updates lost, reconnecting…',
  },
  unit: {
    back: '← Back to the rankings',
    notFound: 'This unit was not found.',
    rank: 'Rank',
    score: 'Score',
    prize: 'Prize',
    class: 'Class',
    targetsMet: 'Targets met',
    eligible: 'Eligible for ranking',
    ineligible: 'Not eligible for ranking',
    workingTitle: 'How it is computed, step by step',
    scorecardTitle: 'Scorecard',
    figuresTitle: 'Published figures',
    scorecardIntro: 'Every criterion with its maximum, appraised points and comment, task by task (select a task\u2019s name to fold it). Where the document does not add up is marked ⚠ at the criterion.',
    workingIntro: 'Each figure with its computation in the unit’s own numbers and the sentence of the document behind it.',
    workingShow: 'Show the computation',
    workingLoading: 'Loading the computation…',
    workingFailed: 'The computation could not be loaded; try again.',
    max: (m) => `max ${m}`,
    countedMax: (c, m) => `max ${c} (document: ${m}; parts that did not arise not counted)`,
    notApplicable: 'did not arise',
    stated: (v) => `the document states ${v}`,
    selfAssessed: (v) => `self-assessed ${v}`,
    comment: 'Comment',
    roundExplanation: 'The unit\u2019s explanation',
    roundAnswer: (changed) => (changed ? 'The appraisers accepted it and changed the points' : 'The appraisers kept the points'),
    roundEvidence: 'Evidence',
    source: (s) => `Document, section ${s}`,
    conditionsTitle: 'Conditions',
    gapsTitle: 'How many more?',
    gapEligibility: (n, m, c) => `${n} more ${m} to become eligible (${c}).`,
    gapPrizeFloor: (n, m, c) => `${n} more ${m} to meet the top prize’s condition (${c}).`,
    gapBracket: (n, m, v) => `${n} more ${m} to reach coefficient ${v}.`,
    gapClass: (n, m, l) => `${n} more ${m} to reach the class ${l}.`,
    gapPassUnit: (n, m, u) => `${n} more ${m} to pass ${u}.`,
    gapTarget: (n, m) => `${n} more ${m} needed`,
    outOfReach: 'out of reach this way',
    gapNone: 'Nothing further to reach.',
    targetsTitle: 'Targets',
    historyTitle: 'Across the published figures',
    historyChartLabel: (u) => `Chart of ${u}'s score and rank across the published figures`,
    historyTable: 'Score and rank per set of figures',
    historyAsOf: 'Figures as of',
    notRanked: 'Not ranked',
    neverRanked: 'Not ranked in any published figures',
    inputsTitle: 'The unit’s figures',
    warnings: 'Note',
  },
};

const catalogue: Record<Locale, Messages> = { vi, en };

export function messages(locale: Locale): Messages {
  return catalogue[locale];
}
