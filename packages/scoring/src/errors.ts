import type { LocalizedText } from './schema/common.js';
import type { ScoringIssue } from './schema/evaluation.js';

/**
 * Every error and warning the library raises, with its Vietnamese and English message, in one
 * registry. docs/errors.md has a row for each code: code | meaning | how to fix.
 */

/** Problems with a unit's statistics (paths [index, field]). */
/** A fraction written for a percent: "0.8" → "80". */
const X100 = (value: string): string => String(Math.round(Number(value) * 1e8) / 1e6);

export const issueMessages = {
  required: (field: string) => ({ vi: `Thiếu trường "${field}".`, en: `Field "${field}" is missing.` }),
  not_a_number: (field: string) => ({
    vi: `Trường "${field}" phải là một số.`,
    en: `Field "${field}" must be a number.`,
  }),
  not_an_integer: (field: string) => ({
    vi: `Trường "${field}" phải là số nguyên (số hồ sơ).`,
    en: `Field "${field}" must be a whole number of cases.`,
  }),
  negative: (field: string) => ({
    vi: `Trường "${field}" không được âm.`,
    en: `Field "${field}" must not be negative.`,
  }),
  not_a_string: (field: string) => ({
    vi: `Trường "${field}" phải là chuỗi ký tự.`,
    en: `Field "${field}" must be text.`,
  }),
  not_applicable_not_allowed: (field: string) => ({
    vi: `Trường "${field}" không được để "x" (không áp dụng): hãy nhập số điểm.`,
    en: `Field "${field}" cannot be "x" (not applicable): enter the points.`,
  }),
  above_maximum: (field: string, value: string, max: string, criterion: string) => ({
    vi: `Trường "${field}": ${value} điểm vượt điểm tối đa ${max} của tiêu chí ${criterion}. Hãy kiểm tra lại số đã nhập.`,
    en: `Field "${field}": ${value} points is above criterion ${criterion}'s maximum of ${max}. Check the figure entered.`,
  }),
  empty_id: () => ({ vi: 'Mã đơn vị không được để trống.', en: 'The unit id must not be empty.' }),
  empty_name: () => ({ vi: 'Tên đơn vị không được để trống.', en: 'The unit name must not be empty.' }),
  duplicate_id: (id: string, first: number) => ({
    vi: `Mã đơn vị "${id}" bị trùng (đã có ở dòng ${first + 1}).`,
    en: `Unit id "${id}" is duplicated (already used by entry ${first + 1}).`,
  }),
  unknown_group: (group: string, known: string[]) => ({
    vi: `Nhóm "${group}" không có trong bộ quy tắc (có: ${known.join(', ')}).`,
    en: `Group "${group}" is not in the rule set (known: ${known.join(', ')}).`,
  }),
  not_an_object: () => ({ vi: 'Mỗi đơn vị phải là một đối tượng.', en: 'Each unit must be an object.' }),
  not_a_list: () => ({ vi: 'Danh sách đơn vị phải là một mảng.', en: 'The unit list must be an array.' }),
  unknown_field: (field: string, suggestion: string | null) => ({
    vi: `Trường "${field}" không có trong bộ quy tắc.${suggestion ? ` Có phải "${suggestion}"?` : ''}`,
    en: `Field "${field}" is not an input of the rule set.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  }),
  invalid_rule_set: (detail: LocalizedText) => ({
    vi: `Bộ quy tắc không hợp lệ: ${detail.vi}`,
    en: `Invalid rule set: ${detail.en}`,
  }),
  invalid_option: (option: string, allowed: readonly string[], got: string) => ({
    vi: `Tùy chọn "${option}" phải là một trong: ${allowed.join(', ')} (nhận được "${got}").`,
    en: `Option "${option}" must be one of: ${allowed.join(', ')} (got "${got}").`,
  }),
  rule_set_version_1: () => ({
    vi: 'Đây là bộ quy tắc phiên bản 1. Hãy chuyển sang phiên bản 2 bằng lệnh `thidua rules upgrade <tệp>` (hoặc hàm upgradeRuleSet của thư viện).',
    en: 'This is a version 1 rule set. Convert it to version 2 with `thidua rules upgrade <file>` (or the library\u2019s upgradeRuleSet).',
  }),
  /** Warning: a parent criterion's sub-total as the source states it is not the sum of its parts. */
  percent_threshold_below_one: (metric: string, value: string) => ({
    vi: `Ngưỡng ${value.replace('.', ',')} trên chỉ số phần trăm "${metric}" là ${value.replace('.', ',')}%, không phải ${X100(value)}%: chỉ số này tính theo phần trăm — có phải "${X100(value)}"?`,
    en: `The threshold ${value} on the percent metric "${metric}" means ${value}%, not ${X100(value)}%: this metric is in percent — did you mean "${X100(value)}"?`,
  }),
  class_scale_without_lowest: (lowest: string) => ({
    vi: `Thang xếp loại không có hạng thấp nhất (từ 0): đơn vị dưới ${lowest.replace('.', ',')} điểm sẽ không được xếp loại nào.`,
    en: `The class scale has no lowest class (from 0): a unit below ${lowest} gets no class at all.`,
  }),
  stated_maximum_mismatch: (criterion: string, stated: string, sum: string) => ({
    vi: `Tiêu chí ${criterion}: văn bản ghi điểm tối đa ${stated.replace('.', ',')} nhưng điểm tối đa của các tiêu chí thành phần cộng lại là ${sum.replace('.', ',')}.`,
    en: `Criterion ${criterion}: the source states a maximum of ${stated}, but its parts' maxima add up to ${sum}.`,
  }),
  stated_subtotal_mismatch: (criterion: string, stated: string, computed: string) => ({
    vi: `Tiêu chí ${criterion}: văn bản ghi ${stated.replace('.', ',')} điểm nhưng tổng các tiêu chí thành phần là ${computed.replace('.', ',')} điểm.`,
    en: `Criterion ${criterion}: the source states ${stated} points, but its parts add up to ${computed}.`,
  }),
} satisfies Record<string, (...args: never[]) => LocalizedText>;

export type IssueCode = keyof typeof issueMessages;

const opWords: Record<string, { vi: string; en: string }> = {
  '<=': { vi: 'lớn hơn', en: 'exceed' },
  '<': { vi: 'không nhỏ hơn', en: 'are not below' },
  '=': { vi: 'không bằng', en: 'do not equal' },
  '>=': { vi: 'nhỏ hơn', en: 'are below' },
  '>': { vi: 'không lớn hơn', en: 'are not above' },
};

/** A relation's message when the rule set gives none: "T (1700) lớn hơn O (1600)". */
export function relationMessage(left: string[][], leftValue: number, op: string, right: string[][], rightValue: number): LocalizedText {
  const words = opWords[op] ?? { vi: op, en: op };
  const side = (names: string[][], lang: 0 | 1) => names.map((n) => n[lang]).join(lang === 0 ? ' cộng ' : ' plus ');
  return {
    vi: `${side(left, 0)} (${leftValue}) ${words.vi} ${side(right, 0)} (${rightValue}).`,
    en: `${side(left, 1)} (${leftValue}) ${words.en} ${side(right, 1)} (${rightValue}).`,
  };
}

export function togetherMessage(present: string, missing: string): LocalizedText {
  return {
    vi: `Có "${present}" thì phải có cả "${missing}".`,
    en: `"${present}" is given, so "${missing}" must be given too.`,
  };
}

/** Rule-set checks beyond the shape (schema/rule-set-checks.ts). */
export const ruleCheckMessages = {
  duplicate_id: (id: string) => ({ vi: `Mã "${id}" bị trùng.`, en: `Id "${id}" is used twice.` }),
  reserved_id: (id: string) => ({
    vi: `Mã "${id}" được dành cho bước giải thích; hãy đặt tên khác.`,
    en: `Id "${id}" is reserved for an explanation step; choose another.`,
  }),
  unknown_reference: (kind: string, id: string, known: string) => ({
    vi: `Không có ${kindVi[kind] ?? kind} "${id}" (có: ${known || 'không có'}).`,
    en: `There is no ${kind} "${id}" (declared: ${known || 'none'}).`,
  }),
  wrong_input_kind: (id: string, kind: string, wanted: string) => ({
    vi: `Trường "${id}" thuộc loại ${kind}; ở đây cần loại ${wanted}.`,
    en: `Input "${id}" is of kind ${kind}; ${wanted} is needed here.`,
  }),
  ratio_metric_needed: (id: string) => ({
    vi: `Chỉ số "${id}" phải là một tỷ lệ (kind: ratio).`,
    en: `Metric "${id}" must be a ratio (kind: ratio).`,
  }),
  complement_with_fallback: (id: string) => ({
    vi: `Chỉ số "${id}": không dùng cùng lúc "complement" (100% − tỷ lệ) và "perWhenEmpty" (mẫu số thay thế).`,
    en: `Metric "${id}": "complement" (100% − the share) and "perWhenEmpty" (a fallback denominator) cannot be combined.`,
  }),
  not_applicable_points_only: () => ({
    vi: 'Chỉ trường điểm (kind: points) mới có thể "không áp dụng".',
    en: 'Only points inputs (kind: points) can be "not applicable".',
  }),
  leaf_or_parent: () => ({
    vi: 'Mỗi tiêu chí có đúng một trong hai: cách chấm (score) hoặc tiêu chí con (children).',
    en: 'Each criterion has exactly one of: a scoring (score) or children.',
  }),
  weight_needed: () => ({ vi: 'Tiêu chí con của một tiêu chí có trọng số phải có weight.', en: 'Children of a weighted parent need a weight.' }),
  weight_unexpected: () => ({ vi: 'Chỉ tiêu chí con của tiêu chí có trọng số mới có weight.', en: 'Only children of a weighted parent have a weight.' }),
  parent_only: (key: string) => ({ vi: `"${key}" chỉ dùng cho tiêu chí có tiêu chí con.`, en: `"${key}" is for parent criteria only.` }),
  not_ascending: () => ({ vi: 'Các mốc phải tăng dần.', en: 'Steps must be in increasing order.' }),
  first_bracket_at_zero: () => ({ vi: 'Khung hệ số đầu tiên phải bắt đầu từ 0 hồ sơ.', en: 'The first bracket must start at 0 cases.' }),
  not_descending: () => ({ vi: 'Các mức xếp loại phải giảm dần theo điểm tối thiểu.', en: 'Class levels must be in decreasing order of min.' }),
  zero_not_allowed: () => ({ vi: 'Giá trị này không được bằng 0.', en: 'This value must not be 0.' }),
  combination_needed: () => ({
    vi: 'Có cả điểm trừ và hệ số: cần khai báo thứ tự áp dụng (score.combination).',
    en: 'There are both deductions and multipliers: declare their order (score.combination).',
  }),
  metric_or_input: () => ({ vi: 'Điều kiện cần đúng một trong hai: metric hoặc input.', en: 'A condition needs exactly one of metric or input.' }),
  metric_or_criterion: () => ({ vi: 'Cần đúng một trong hai: metric hoặc criterion.', en: 'Exactly one of metric or criterion is needed.' }),
  share_above_100: () => ({ vi: 'Một tỷ lệ không thể vượt quá 100%.', en: 'A share cannot exceed 100%.' }),
  duplicate_prize: (id: string) => ({
    vi: `Giải "${id}" bị trùng (dùng count cho nhiều giải cùng loại).`,
    en: `Duplicate prize id "${id}" (use count for several prizes of one kind).`,
  }),
  prize_policy_needed: () => ({ vi: 'Có giải thưởng: cần khai báo prizePolicy.', en: 'There are prizes: prizePolicy is needed.' }),
  prizes_need_score: () => ({ vi: 'Giải thưởng cần có điểm số (score).', en: 'Prizes need a score.' }),
  ranking_needed: () => ({ vi: 'Có điểm số: cần khai báo cách xếp hạng (ranking).', en: 'There is a score: ranking is needed.' }),
  ranking_needs_score: () => ({ vi: 'Xếp hạng cần có điểm số (score).', en: 'Ranking needs a score.' }),
  classes_need_score: () => ({ vi: 'Xếp loại cần có điểm số (score).', en: 'Classes need a score.' }),
  not_a_date: (d: string) => ({ vi: `"${d}" không phải một ngày có thật.`, en: `"${d}" is not a real date.` }),
  period_ends_before_start: () => ({ vi: 'Kỳ kết thúc trước khi bắt đầu.', en: 'The period ends before it starts.' }),
} satisfies Record<string, (...args: string[]) => LocalizedText>;

export type RuleCheckKey = keyof typeof ruleCheckMessages;

const kindVi: Record<string, string> = {
  input: 'trường số liệu',
  metric: 'chỉ số',
  criterion: 'tiêu chí',
  move: 'cách cải thiện (move)',
  source: 'nguồn',
};

/** Custom messages given in the schemas (common.ts). */
export const schemaMessages: Record<string, LocalizedText> = {
  decimal: { vi: 'phải là một số thập phân viết dạng chuỗi, ví dụ "65" hoặc "0.1"', en: 'must be a decimal written as a string, e.g. "65" or "0.1"' },
  non_negative_decimal: {
    vi: 'phải là một số thập phân không âm viết dạng chuỗi, ví dụ "65" hoặc "0.1"',
    en: 'must be a non-negative decimal written as a string, e.g. "65" or "0.1"',
  },
  input_id: { vi: 'phải bắt đầu bằng chữ cái, chỉ gồm chữ cái, chữ số và "_"', en: 'must start with a letter and hold only letters, digits and "_"' },
  id: { vi: 'chỉ gồm chữ cái, chữ số, ".", "-" và "_"', en: 'may hold only letters, digits, ".", "-" and "_"' },
  iso_date: { vi: 'phải là ngày dạng YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  rule_set_id: { vi: 'chỉ gồm chữ thường, chữ số và "-"', en: 'may hold only lower-case letters, digits and "-"' },
};

/** Thrown by `evaluate` when the units or the rule set are invalid; lists every problem at once. */
export class ScoringInputError extends Error {
  readonly code = 'SCORING_INPUT_INVALID';
  readonly issues: ScoringIssue[];

  constructor(issues: ScoringIssue[]) {
    const first = issues[0];
    super(
      `${issues.length} problem(s) in the scoring input${first ? `; first at ${formatPath(first.path)}: ${first.message.en}` : ''}`,
    );
    this.name = 'ScoringInputError';
    this.issues = issues;
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** The closest of `known` to `word` by edit distance, when close enough to be a likely misspelling. */
export function didYouMean(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  for (const k of known) {
    const d = editDistance(w, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}
