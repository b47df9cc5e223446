import type { Citation } from '../schema/common.js';
import type { RuleSet } from '../schema/rule-set.js';

/**
 * Huyện Tuy Phước (Bình Định), 2024: the public-administration targets of its plan for the national
 * new-rural-district criteria ("Kế hoạch triển khai thực hiện một số tiêu chí, chỉ tiêu theo Bộ Tiêu
 * chí quốc gia về huyện nông thôn mới, huyện nông thôn mới nâng cao giai đoạn 2021-2025 thuộc lĩnh
 * vực hành chính công"). Target attainment — đạt / không đạt — with no score, rank or prize:
 * - the share of cases filed online against the 50% of Nghị quyết 17/NQ-CP and the 60% of the
 *   province's Quyết định 2679/QĐ-UBND (section II.2);
 * - criteria 9.2 and 9.5 of the national set: "Có dịch vụ công trực tuyến mức toàn trình / một phần"
 *   (section II.1), read as "has" — at least one case — which the plan marks "Đạt";
 * - the full-online and partial-online shares, reported as the plan reports them (no target).
 *
 * Its worked example (docs/examples/tuy-phuoc-2024.csv) is the plan's own 2023 figures: 22.574 /
 * 48.254 → 46,78%, short of both targets; 10.682 / 11.212 → 95,27%; 11.602 / 14.874 → 78%.
 */

const cite = (section: string, text: string, textEn: string): Citation => ({ section, text, textEn });

const state = cite(
  'II.2',
  'so với các chỉ tiêu “Hồ sơ trực tuyến” tại Nghị quyết số 17/NQ-CP của Chính phủ quy định tỷ lệ đạt 50% và chỉ tiêu của tỉnh giao tại Quyết định số 2679/QĐ-UBND ngày 20/7/2023 đạt 60% thì tỷ lệ này của huyện còn thực hiện chưa đảm bảo (huyện thực hiện 22.574/48.254, chỉ đạt 46,78%)',
  'The share of cases filed online, against the 50% of Resolution 17/NQ-CP and the 60% the province set (Decision 2679/QĐ-UBND).',
);
const fullOnline = cite(
  'II.2',
  'toàn huyện đã phát sinh 10.682/11.212 hồ sơ trực tuyến toàn trình (mức độ 4), đạt 95,27% trên tổng số hồ sơ phát sinh trực tuyến toàn trình.',
  'Cases filed fully online, of the cases of procedures offered fully online.',
);
const partOnline = cite(
  'II.2',
  'toàn huyện đã phát sinh 11.602/14.874 hồ sơ trực tuyến một phần (mức độ 3), đạt 78% trên tổng số hồ sơ phát sinh trực tuyến một phần.',
  'Cases filed partly online, of the cases of procedures offered partly online; the plan prints this share without decimals.',
);

export const tuyPhuoc2024: RuleSet = {
  schemaVersion: 2,
  id: 'tuy-phuoc-2024',
  title: {
    vi: 'Tiêu chí hành chính công huyện nông thôn mới nâng cao năm 2024 — huyện Tuy Phước',
    en: 'Public-administration criteria of an advanced new-rural district, 2024 — Tuy Phước district',
  },
  authority: { vi: 'UBND huyện Tuy Phước, tỉnh Bình Định', en: "Tuy Phước District People's Committee, Bình Định" },
  sources: [
    {
      id: 'kh-tuy-phuoc-2024',
      title:
        'Kế hoạch về việc triển khai thực hiện một số tiêu chí, chỉ tiêu theo Bộ Tiêu chí quốc gia về huyện nông thôn mới, huyện nông thôn mới nâng cao giai đoạn 2021-2025 thuộc lĩnh vực hành chính công để huyện Tuy Phước đạt chuẩn nông thôn mới nâng cao năm 2025',
      reference: 'UBND huyện Tuy Phước, năm 2024',
      note: 'Section II.1 sets criteria 9.2 and 9.5; section II.2 reports the 2023 figures and the 50% and 60% online targets.',
    },
  ],
  period: { start: '2023-01-01', end: '2023-12-31', timeZone: 'Asia/Ho_Chi_Minh', cadence: 'year' },
  currency: 'VND',
  inputs: [
    { id: 'cases', label: { vi: 'Tổng số hồ sơ phát sinh', en: 'Cases received' }, short: { vi: 'hồ sơ', en: 'cases' }, kind: 'count' },
    { id: 'casesOnline', label: { vi: 'Số hồ sơ trực tuyến', en: 'Cases filed online' }, short: { vi: 'hồ sơ trực tuyến', en: 'online cases' }, kind: 'count' },
    {
      id: 'fullOnlineOffered',
      label: { vi: 'Tổng số hồ sơ phát sinh trực tuyến toàn trình', en: 'Cases of procedures offered fully online' },
      short: { vi: 'hồ sơ của DVC toàn trình', en: 'cases of full-online procedures' },
      kind: 'count',
    },
    {
      id: 'fullOnline',
      label: { vi: 'Số hồ sơ trực tuyến toàn trình (mức độ 4)', en: 'Cases filed fully online (level 4)' },
      short: { vi: 'hồ sơ toàn trình', en: 'full-online cases' },
      kind: 'count',
    },
    {
      id: 'partOnlineOffered',
      label: { vi: 'Tổng số hồ sơ phát sinh trực tuyến một phần', en: 'Cases of procedures offered partly online' },
      short: { vi: 'hồ sơ của DVC một phần', en: 'cases of part-online procedures' },
      kind: 'count',
    },
    {
      id: 'partOnline',
      label: { vi: 'Số hồ sơ trực tuyến một phần (mức độ 3)', en: 'Cases filed partly online (level 3)' },
      short: { vi: 'hồ sơ một phần', en: 'part-online cases' },
      kind: 'count',
    },
  ],
  relations: [
    { kind: 'compare', code: 'online_exceeds_cases', left: ['casesOnline'], op: '<=', right: ['cases'], severity: 'error' },
    { kind: 'compare', code: 'full_online_exceeds_offered', left: ['fullOnline'], op: '<=', right: ['fullOnlineOffered'], severity: 'error' },
    { kind: 'compare', code: 'part_online_exceeds_offered', left: ['partOnline'], op: '<=', right: ['partOnlineOffered'], severity: 'error' },
  ],
  metrics: [
    {
      id: 'onlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ trực tuyến (%)', en: 'Cases filed online (%)' },
      short: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online share' },
      of: ['casesOnline'],
      per: ['cases'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: state,
    },
    {
      id: 'fullOnlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình (%)', en: 'Fully online share (%)' },
      short: { vi: 'Tỷ lệ toàn trình', en: 'Full-online share' },
      of: ['fullOnline'],
      per: ['fullOnlineOffered'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: fullOnline,
    },
    {
      id: 'partOnlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ trực tuyến một phần (%)', en: 'Partly online share (%)' },
      short: { vi: 'Tỷ lệ một phần', en: 'Part-online share' },
      of: ['partOnline'],
      per: ['partOnlineOffered'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 0, rounding: 'half-up' },
      citation: partOnline,
    },
    { id: 'fullOnlineCases', kind: 'sum', label: { vi: 'Số hồ sơ trực tuyến toàn trình', en: 'Full-online cases' }, short: { vi: 'Hồ sơ toàn trình', en: 'Full-online cases' }, of: ['fullOnline'] },
    { id: 'partOnlineCases', kind: 'sum', label: { vi: 'Số hồ sơ trực tuyến một phần', en: 'Part-online cases' }, short: { vi: 'Hồ sơ một phần', en: 'Part-online cases' }, of: ['partOnline'] },
  ],
  targets: [
    {
      id: 'nq17-50',
      label: { vi: 'Hồ sơ trực tuyến ≥ 50% (NQ 17/NQ-CP)', en: 'Online cases ≥ 50% (Resolution 17/NQ-CP)' },
      metric: 'onlineShare',
      op: '>=',
      value: '50',
      move: 'onlineCase',
      citation: state,
    },
    {
      id: 'qd2679-60',
      label: { vi: 'Hồ sơ trực tuyến ≥ 60% (QĐ 2679/QĐ-UBND)', en: 'Online cases ≥ 60% (Decision 2679/QĐ-UBND)' },
      metric: 'onlineShare',
      op: '>=',
      value: '60',
      move: 'onlineCase',
      citation: state,
    },
    {
      id: 'tieu-chi-9-2',
      label: { vi: 'Chỉ tiêu 9.2: có DVC trực tuyến toàn trình', en: 'Criterion 9.2: full-online services' },
      metric: 'fullOnlineCases',
      op: '>=',
      value: '1',
      move: 'fullOnlineCase',
      citation: cite('II.1', 'a) Chỉ tiêu 9.2. Có dịch vụ công trực tuyến mức toàn trình: Đạt.', '"Has" full-online public services: at least one case filed fully online.'),
    },
    {
      id: 'tieu-chi-9-5',
      label: { vi: 'Chỉ tiêu 9.5: có DVC trực tuyến một phần', en: 'Criterion 9.5: part-online services' },
      metric: 'partOnlineCases',
      op: '>=',
      value: '1',
      move: 'partOnlineCase',
      citation: cite('II.1', 'b) Chỉ tiêu 9.5. Có dịch vụ công trực tuyến một phần: Đạt.', '"Has" part-online public services: at least one case filed partly online.'),
    },
  ],
  moves: [
    { id: 'onlineCase', label: { vi: 'hồ sơ trực tuyến', en: 'case filed online' }, adds: { cases: 1, casesOnline: 1 } },
    { id: 'fullOnlineCase', label: { vi: 'hồ sơ trực tuyến toàn trình', en: 'case filed fully online' }, adds: { fullOnlineOffered: 1, fullOnline: 1 } },
    { id: 'partOnlineCase', label: { vi: 'hồ sơ trực tuyến một phần', en: 'case filed partly online' }, adds: { partOnlineOffered: 1, partOnline: 1 } },
  ],
  groups: [
    {
      id: 'district',
      name: { vi: 'Huyện (toàn huyện)', en: 'The district as a whole' },
      shortName: { vi: 'Toàn huyện', en: 'District' },
      citation: state,
    },
  ],
};
