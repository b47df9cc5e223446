import type { Citation } from '../schema/common.js';
import type { RuleSet } from '../schema/rule-set.js';

/**
 * Xã Cương Gián (huyện Nghi Xuân, Hà Tĩnh), 2024: the targets of its plan for controlling
 * administrative procedures and running the one-stop shop ("Kế hoạch kiểm soát thủ tục hành chính và
 * thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn xã Cương Gián năm 2024", item VII). No
 * score, ranking or prize: each unit — the sectors and civil servants receiving cases at the
 * one-stop shop, to whom item VII.6 assigns the targets ("Các ngành, CBCC tiếp nhận tại bộ phận một
 * cửa") — meets each target or not, and is told how many cases it still needs.
 *
 * Each target declares its own move: a share of online filings rises by one more case filed
 * online, a share of digitised results by one more result digitised, and so on.
 */

const plan = 'VII';
const cite = (item: string, text: string, textEn: string): Citation => ({ section: `${plan}.${item}`, text, textEn });

const onlineTargets = cite(
  '6',
  'Tỷ lệ nộp hồ sơ trực tuyến đạt 70%; Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%',
  'Online filings at least 70% of cases received; of those filed online, at least 90% fully online (toàn trình).',
);

export const cuongGian2024Targets: RuleSet = {
  schemaVersion: 2,
  id: 'cuong-gian-2024-targets',
  title: {
    vi: 'Chỉ tiêu kiểm soát TTHC và cơ chế một cửa năm 2024 — xã Cương Gián',
    en: 'Procedure-control and one-stop-shop targets 2024 — Cương Gián commune',
  },
  authority: { vi: 'UBND xã Cương Gián, huyện Nghi Xuân, tỉnh Hà Tĩnh', en: "Cương Gián Commune People's Committee, Nghi Xuân, Hà Tĩnh" },
  sources: [
    {
      id: 'kh-kstthc-2024',
      title: 'Kế hoạch hoạt động kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn xã Cương Gián năm 2024',
      reference: 'Ban hành kèm theo Quyết định của Chủ tịch UBND xã Cương Gián, tháng 03 năm 2024',
      note: 'Item VII sets the targets quoted here; it names no counting rule beyond the shares, which are read over the cases each unit received.',
    },
  ],
  period: { start: '2024-01-01', end: '2024-12-31', timeZone: 'Asia/Ho_Chi_Minh', cadence: 'month' },
  currency: 'VND',
  inputs: [
    { id: 'received', label: { vi: 'Tổng số hồ sơ tiếp nhận', en: 'Cases received' }, short: { vi: 'hồ sơ tiếp nhận', en: 'cases received' }, kind: 'count' },
    { id: 'receivedOnline', label: { vi: 'Số hồ sơ nộp trực tuyến', en: 'Cases filed online' }, short: { vi: 'hồ sơ trực tuyến', en: 'online cases' }, kind: 'count' },
    {
      id: 'receivedOnlineFull',
      label: { vi: 'Số hồ sơ nộp trực tuyến toàn trình', en: 'Cases filed fully online (toàn trình)' },
      short: { vi: 'hồ sơ toàn trình', en: 'full-online cases' },
      kind: 'count',
    },
    { id: 'resultsDigitised', label: { vi: 'Số kết quả giải quyết TTHC được số hóa', en: 'Results digitised' }, short: { vi: 'kết quả được số hóa', en: 'results digitised' }, kind: 'count' },
    {
      id: 'payments',
      label: { vi: 'Số giao dịch thanh toán phí, lệ phí', en: 'Fee payments' },
      short: { vi: 'giao dịch thanh toán', en: 'payments' },
      kind: 'count',
    },
    { id: 'paymentsOnline', label: { vi: 'Số giao dịch thanh toán trực tuyến', en: 'Fee payments made online' }, short: { vi: 'thanh toán trực tuyến', en: 'online payments' }, kind: 'count' },
    { id: 'ratings', label: { vi: 'Số lượt đánh giá mức độ hài lòng', en: 'Satisfaction ratings' }, short: { vi: 'lượt đánh giá', en: 'ratings' }, kind: 'count' },
    { id: 'ratingsSatisfied', label: { vi: 'Số lượt đánh giá hài lòng', en: 'Ratings satisfied' }, short: { vi: 'lượt hài lòng', en: 'satisfied ratings' }, kind: 'count' },
  ],
  relations: [
    { kind: 'compare', code: 'online_exceeds_received', left: ['receivedOnline'], op: '<=', right: ['received'], severity: 'error' },
    { kind: 'compare', code: 'full_exceeds_online', left: ['receivedOnlineFull'], op: '<=', right: ['receivedOnline'], severity: 'error' },
    { kind: 'compare', code: 'digitised_exceeds_received', left: ['resultsDigitised'], op: '<=', right: ['received'], severity: 'error' },
    { kind: 'compare', code: 'online_payments_exceed_payments', left: ['paymentsOnline'], op: '<=', right: ['payments'], severity: 'error' },
    { kind: 'compare', code: 'satisfied_exceeds_ratings', left: ['ratingsSatisfied'], op: '<=', right: ['ratings'], severity: 'error' },
  ],
  metrics: [
    {
      id: 'onlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ nộp hồ sơ trực tuyến (%)', en: 'Cases filed online (%)' },
      short: { vi: 'Tỷ lệ trực tuyến', en: 'Online share' },
      of: ['receivedOnline'],
      per: ['received'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: onlineTargets,
    },
    {
      id: 'fullOnlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ nộp trực tuyến toàn trình (%)', en: 'Online filings fully online (%)' },
      short: { vi: 'Tỷ lệ toàn trình', en: 'Full-online share' },
      of: ['receivedOnlineFull'],
      per: ['receivedOnline'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: onlineTargets,
    },
    {
      id: 'digitisedShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ số hóa kết quả giải quyết (%)', en: 'Results digitised (%)' },
      short: { vi: 'Tỷ lệ số hóa', en: 'Digitised share' },
      of: ['resultsDigitised'],
      per: ['received'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
    },
    {
      id: 'onlinePaymentShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ thanh toán trực tuyến (%)', en: 'Payments made online (%)' },
      short: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment share' },
      of: ['paymentsOnline'],
      per: ['payments'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
    },
    {
      id: 'satisfactionShare',
      kind: 'ratio',
      label: { vi: 'Mức độ hài lòng (%)', en: 'Satisfaction (%)' },
      short: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      of: ['ratingsSatisfied'],
      per: ['ratings'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
    },
  ],
  targets: [
    { id: 'online-70', label: { vi: 'Nộp hồ sơ trực tuyến ≥ 70%', en: 'Online filings ≥ 70%' }, metric: 'onlineShare', op: '>=', value: '70', move: 'onlineCase', citation: onlineTargets },
    {
      id: 'full-online-90',
      label: { vi: 'Trực tuyến toàn trình ≥ 90%', en: 'Fully online ≥ 90%' },
      metric: 'fullOnlineShare',
      op: '>=',
      value: '90',
      move: 'fullOnlineCase',
      citation: onlineTargets,
    },
    {
      id: 'digitised-75',
      label: { vi: 'Số hóa kết quả ≥ 75% hồ sơ tiếp nhận', en: 'Results digitised ≥ 75% of cases received' },
      metric: 'digitisedShare',
      op: '>=',
      value: '75',
      move: 'digitisedResult',
      citation: cite(
        '2',
        'Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của cấp xã đạt tỷ lệ tối thiểu tương ứng 75% số hồ sơ tiếp nhận.',
        'Digitise the results of at least 75% of the cases received.',
      ),
    },
    {
      id: 'online-payment-45',
      label: { vi: 'Thanh toán trực tuyến ≥ 45%', en: 'Online payments ≥ 45%' },
      metric: 'onlinePaymentShare',
      op: '>=',
      value: '45',
      move: 'onlinePayment',
      citation: cite('8', 'Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu tương ứng: 45% trở lên', 'At least 45% of fee payments made online.'),
    },
    {
      id: 'satisfaction-95',
      label: { vi: 'Mức độ hài lòng ≥ 95%', en: 'Satisfaction ≥ 95%' },
      metric: 'satisfactionShare',
      op: '>=',
      value: '95',
      move: 'satisfiedRating',
      citation: cite('12', 'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên', 'Satisfaction with how procedures are resolved at least 95%.'),
    },
  ],
  moves: [
    { id: 'onlineCase', label: { vi: 'hồ sơ nộp trực tuyến', en: 'case filed online' }, adds: { received: 1, receivedOnline: 1 } },
    { id: 'fullOnlineCase', label: { vi: 'hồ sơ trực tuyến toàn trình', en: 'case filed fully online' }, adds: { received: 1, receivedOnline: 1, receivedOnlineFull: 1 } },
    { id: 'digitisedResult', label: { vi: 'kết quả được số hóa', en: 'result digitised' }, adds: { resultsDigitised: 1 } },
    { id: 'onlinePayment', label: { vi: 'giao dịch thanh toán trực tuyến', en: 'payment made online' }, adds: { payments: 1, paymentsOnline: 1 } },
    { id: 'satisfiedRating', label: { vi: 'lượt đánh giá hài lòng', en: 'satisfied rating' }, adds: { ratings: 1, ratingsSatisfied: 1 } },
  ],
  groups: [
    {
      id: 'one-stop-shop',
      name: { vi: 'Các ngành, CBCC tiếp nhận tại bộ phận một cửa', en: 'Sectors and civil servants receiving at the one-stop shop' },
      shortName: { vi: 'Bộ phận một cửa', en: 'One-stop shop' },
      citation: onlineTargets,
    },
  ],
};
