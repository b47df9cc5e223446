import type { LocalizedText, ScoringIssue } from './types.js';

/**
 * Every error and warning code the library raises, with its Vietnamese and English message.
 * docs/errors.md has a row for each: code | meaning | how to fix.
 */
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
  on_time_exceeds_online: (t: number, o: number) => ({
    vi: `Số hồ sơ trực tuyến đúng hạn (${t}) lớn hơn số hồ sơ trực tuyến (${o}).`,
    en: `Online cases resolved on time (${t}) exceed online cases (${o}).`,
  }),
  online_exceeds_total: (o: number, r: number) => ({
    vi: `Số hồ sơ trực tuyến (${o}) lớn hơn tổng số hồ sơ đã giải quyết (${r}).`,
    en: `Online cases (${o}) exceed all cases resolved (${r}).`,
  }),
  late_exceeds_total: (l: number, r: number) => ({
    vi: `Số hồ sơ trễ hạn (${l}) lớn hơn tổng số hồ sơ đã giải quyết (${r}).`,
    en: `Late cases (${l}) exceed all cases resolved (${r}).`,
  }),
  on_time_plus_late_exceeds_total: (t: number, l: number, r: number) => ({
    vi: `Số hồ sơ trực tuyến đúng hạn (${t}) cộng số hồ sơ trễ hạn (${l}) lớn hơn tổng số hồ sơ (${r}).`,
    en: `Online on-time cases (${t}) plus late cases (${l}) exceed all cases resolved (${r}).`,
  }),
  full_partial_mismatch: (full: number, partial: number, o: number) => ({
    vi: `Toàn trình (${full}) cộng một phần (${partial}) phải bằng số hồ sơ trực tuyến (${o}).`,
    en: `Full-online (${full}) plus partial-online (${partial}) must equal online cases (${o}).`,
  }),
  full_partial_incomplete: (present: string, missing: string) => ({
    vi: `Có "${present}" thì phải có cả "${missing}".`,
    en: `"${present}" is given, so "${missing}" must be given too.`,
  }),
  not_an_object: () => ({ vi: 'Mỗi đơn vị phải là một đối tượng.', en: 'Each unit must be an object.' }),
  not_a_list: () => ({ vi: 'Danh sách đơn vị phải là một mảng.', en: 'The unit list must be an array.' }),
  unknown_field: (field: string) => ({
    vi: `Trường "${field}" không được hỗ trợ.`,
    en: `Field "${field}" is not supported.`,
  }),
  invalid_rule_set: (detail: string) => ({
    vi: `Bộ quy tắc không hợp lệ: ${detail}`,
    en: `Invalid rule set: ${detail}`,
  }),
  /** Warning, not an error. */
  unaccounted_online_cases: (unaccounted: number, l: number) => ({
    vi: `Có ${unaccounted} hồ sơ trực tuyến không đúng hạn nhưng chỉ ${l} hồ sơ trễ hạn được ghi nhận: kiểm tra lại số liệu.`,
    en: `${unaccounted} online cases were not on time, yet only ${l} late cases are recorded: check the figures.`,
  }),
} satisfies Record<string, (...args: never[]) => LocalizedText>;

export type IssueCode = keyof typeof issueMessages;

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

export function formatPath(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}
