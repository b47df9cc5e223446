import type { Citation } from '../schema/common.js';
import type { RuleSet } from '../schema/rule-set.js';

/**
 * Xã Thượng Lộ (huyện Nam Đông, Thừa Thiên Huế): criterion 15 of the national criteria for an
 * advanced new-style rural commune, 2021–2025, as the commune's plan 63/KH-UBND of 29/8/2022
 * states its targets. Đạt / không đạt per target, and the cases still needed — no score, no ranking.
 *
 * The document's targets on counts are encoded; its qualitative ones (no complaints beyond the
 * commune, the service index "from good up") are not measurable from statistics and are left out.
 */

const cite = (section: string, text: string, textEn: string): Citation => ({ section, text, textEn });

const onTime = cite(
  'II.3',
  'Kết quả giải quyết hồ sơ thủ tục hành chính của xã được giải quyết đúng hoặc sớm hạn đạt tối thiểu từ 98% trở lên đối với hồ sơ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã và 95% trở lên đối với hồ sơ thực hiện theo cơ chế một cửa liên thông tại bước tiếp nhận, xử lý ở cấp xã',
  'Cases within the commune\u2019s own competence resolved on time or early: at least 98%; interconnected (liên thông) cases handled at the commune: at least 95%.',
);

export const thuongLo2022TieuChi15: RuleSet = {
  schemaVersion: 2,
  id: 'thuong-lo-2022-tieu-chi-15',
  title: {
    vi: 'Tiêu chí 15 xã nông thôn mới nâng cao (hành chính công) — xã Thượng Lộ 2022',
    en: 'Criterion 15 of the advanced new-rural-commune criteria (public administration) — Thượng Lộ 2022',
  },
  authority: { vi: 'UBND xã Thượng Lộ, huyện Nam Đông, tỉnh Thừa Thiên Huế', en: "Thượng Lộ Commune People's Committee, Nam Đông, Thừa Thiên Huế" },
  sources: [
    {
      id: 'kh-63',
      title: 'Kế hoạch triển khai thực hiện tiêu chí 15 Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025',
      reference: 'Số 63/KH-UBND, Thượng Lộ, ngày 29 tháng 8 năm 2022',
    },
  ],
  period: { start: '2022-09-01', end: '2025-12-31', timeZone: 'Asia/Ho_Chi_Minh', cadence: 'quarter' },
  currency: 'VND',
  inputs: [
    { id: 'casesReceived', label: { vi: 'Số hồ sơ TTHC tiếp nhận', en: 'Cases received' }, short: { vi: 'hồ sơ tiếp nhận', en: 'cases received' }, kind: 'count' },
    {
      id: 'casesOnPortal',
      label: { vi: 'Số hồ sơ được cập nhật, xử lý trên cổng dịch vụ công của tỉnh', en: "Cases recorded and handled on the province's portal" },
      short: { vi: 'hồ sơ trên cổng DVC', en: 'cases on the portal' },
      kind: 'count',
    },
    { id: 'resolved', label: { vi: 'Số hồ sơ thuộc thẩm quyền cấp xã đã giải quyết', en: "Cases of the commune's competence resolved" }, short: { vi: 'hồ sơ đã giải quyết', en: 'cases resolved' }, kind: 'count' },
    {
      id: 'resolvedOnTime',
      label: { vi: 'Trong đó: giải quyết đúng hạn, sớm hạn', en: 'Of which resolved on time or early' },
      short: { vi: 'hồ sơ đúng hạn', en: 'cases on time' },
      kind: 'count',
    },
    {
      id: 'interconnected',
      label: { vi: 'Số hồ sơ một cửa liên thông xử lý tại cấp xã', en: 'Interconnected cases handled at the commune' },
      short: { vi: 'hồ sơ liên thông', en: 'interconnected cases' },
      kind: 'count',
    },
    {
      id: 'interconnectedOnTime',
      label: { vi: 'Trong đó: xử lý đúng hạn, sớm hạn', en: 'Of which handled on time or early' },
      short: { vi: 'hồ sơ liên thông đúng hạn', en: 'interconnected cases on time' },
      kind: 'count',
    },
    { id: 'procedures', label: { vi: 'Số TTHC thuộc thẩm quyền', en: 'Procedures of the commune' }, short: { vi: 'TTHC', en: 'procedures' }, kind: 'count' },
    { id: 'proceduresPublished', label: { vi: 'Số TTHC được công khai', en: 'Procedures published' }, short: { vi: 'TTHC công khai', en: 'procedures published' }, kind: 'count' },
    { id: 'ratings', label: { vi: 'Số lượt đánh giá mức độ hài lòng', en: 'Satisfaction ratings' }, short: { vi: 'lượt đánh giá', en: 'ratings' }, kind: 'count' },
    { id: 'ratingsSatisfied', label: { vi: 'Số lượt đánh giá hài lòng', en: 'Ratings satisfied' }, short: { vi: 'lượt hài lòng', en: 'satisfied ratings' }, kind: 'count' },
  ],
  relations: [
    { kind: 'compare', code: 'on_portal_exceeds_received', left: ['casesOnPortal'], op: '<=', right: ['casesReceived'], severity: 'error' },
    { kind: 'compare', code: 'on_time_exceeds_resolved', left: ['resolvedOnTime'], op: '<=', right: ['resolved'], severity: 'error' },
    { kind: 'compare', code: 'interconnected_on_time_exceeds_interconnected', left: ['interconnectedOnTime'], op: '<=', right: ['interconnected'], severity: 'error' },
    { kind: 'compare', code: 'published_exceeds_procedures', left: ['proceduresPublished'], op: '<=', right: ['procedures'], severity: 'error' },
    { kind: 'compare', code: 'satisfied_exceeds_ratings', left: ['ratingsSatisfied'], op: '<=', right: ['ratings'], severity: 'error' },
  ],
  metrics: [
    {
      id: 'onPortalShare',
      kind: 'ratio',
      label: { vi: 'Hồ sơ cập nhật, xử lý trên cổng DVC tỉnh (%)', en: "Cases on the province's portal (%)" },
      short: { vi: 'Tỷ lệ trên cổng DVC', en: 'Share on the portal' },
      of: ['casesOnPortal'],
      per: ['casesReceived'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
    },
    {
      id: 'onTimeShare',
      kind: 'ratio',
      label: { vi: 'Hồ sơ giải quyết đúng, sớm hạn (%)', en: 'Cases resolved on time or early (%)' },
      short: { vi: 'Tỷ lệ đúng hạn', en: 'On-time share' },
      of: ['resolvedOnTime'],
      per: ['resolved'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: onTime,
    },
    {
      id: 'interconnectedOnTimeShare',
      kind: 'ratio',
      label: { vi: 'Hồ sơ liên thông xử lý đúng, sớm hạn (%)', en: 'Interconnected cases on time (%)' },
      short: { vi: 'Tỷ lệ liên thông đúng hạn', en: 'Interconnected on-time share' },
      of: ['interconnectedOnTime'],
      per: ['interconnected'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: onTime,
    },
    {
      id: 'publishedShare',
      kind: 'ratio',
      label: { vi: 'TTHC được công khai (%)', en: 'Procedures published (%)' },
      short: { vi: 'Tỷ lệ TTHC công khai', en: 'Share published' },
      of: ['proceduresPublished'],
      per: ['procedures'],
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
    {
      id: '15.1-portal-100',
      label: { vi: '15.1: 100% hồ sơ cập nhật, xử lý trên cổng DVC tỉnh', en: "15.1: every case on the province's portal" },
      metric: 'onPortalShare',
      op: '>=',
      value: '100',
      move: 'caseOnPortal',
      citation: cite(
        'II.1',
        '100% hồ sơ thủ tục hành chính được cập nhật và xử lý trên cổng dịch vụ công của tỉnh.',
        "Every case recorded and handled on the province's public-service portal (criterion 15.1).",
      ),
    },
    {
      id: '15.3-on-time-98',
      label: { vi: '15.3: giải quyết đúng, sớm hạn ≥ 98%', en: '15.3: resolved on time or early ≥ 98%' },
      metric: 'onTimeShare',
      op: '>=',
      value: '98',
      move: 'caseOnTime',
      citation: onTime,
    },
    {
      id: '15.3-interconnected-95',
      label: { vi: '15.3: hồ sơ liên thông đúng, sớm hạn ≥ 95%', en: '15.3: interconnected cases on time ≥ 95%' },
      metric: 'interconnectedOnTimeShare',
      op: '>=',
      value: '95',
      move: 'interconnectedOnTime',
      citation: onTime,
    },
    {
      id: '15.3-published-100',
      label: { vi: '15.3: công khai 100% TTHC', en: '15.3: every procedure published' },
      metric: 'publishedShare',
      op: '>=',
      value: '100',
      move: 'procedurePublished',
      citation: cite(
        'II.3',
        'Công khai 100% thủ tục hành chính thuộc thẩm quyền tiếp nhận, giải quyết và các nội dung hướng dẫn thực hiện phản ánh, kiến nghị của cá nhân, tổ chức theo đúng quy định.',
        'Publish every procedure within the commune\u2019s competence.',
      ),
    },
    {
      id: '15.3-satisfaction-90',
      label: { vi: '15.3: hài lòng ≥ 90%', en: '15.3: satisfaction ≥ 90%' },
      metric: 'satisfactionShare',
      op: '>=',
      value: '90',
      move: 'satisfiedRating',
      citation: cite(
        'II.3',
        'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt mục tiêu được giao tối thiểu 90%.',
        'Satisfaction of citizens and businesses with how procedures are resolved: at least 90%.',
      ),
    },
  ],
  moves: [
    // Reaching 100% cannot come from new cases: it takes recording the cases already received.
    { id: 'caseOnPortal', label: { vi: 'hồ sơ được cập nhật lên cổng DVC', en: 'case recorded on the portal' }, adds: { casesOnPortal: 1 } },
    { id: 'caseOnTime', label: { vi: 'hồ sơ giải quyết đúng hạn', en: 'case resolved on time' }, adds: { resolved: 1, resolvedOnTime: 1 } },
    { id: 'interconnectedOnTime', label: { vi: 'hồ sơ liên thông đúng hạn', en: 'interconnected case on time' }, adds: { interconnected: 1, interconnectedOnTime: 1 } },
    { id: 'procedurePublished', label: { vi: 'TTHC được công khai', en: 'procedure published' }, adds: { proceduresPublished: 1 } },
    { id: 'satisfiedRating', label: { vi: 'lượt đánh giá hài lòng', en: 'satisfied rating' }, adds: { ratings: 1, ratingsSatisfied: 1 } },
  ],
  groups: [
    {
      id: 'communes',
      name: { vi: 'Các xã huyện Nam Đông', en: 'Communes of Nam Đông district' },
      shortName: { vi: 'Xã', en: 'Communes' },
      citation: cite('I', 'Duy trì thực hiện đạt kết quả cao hơn các chỉ tiêu theo tiêu chí 15', 'The targets apply to each commune working towards criterion 15.'),
    },
  ],
};
