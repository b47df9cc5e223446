import type { z } from 'zod';
import { didYouMean, issueMessages, ruleCheckMessages, schemaMessages, type RuleCheckKey } from './errors.js';
import type { LocalizedText } from './schema/common.js';
import type { ScoringIssue } from './schema/evaluation.js';
import { ruleSetSchema, type RuleSet } from './schema/rule-set.js';
import { allowedKeys } from './schema/keys.js';
import { ruleSetWarnings } from './rule-set-warnings.js';

export interface RuleSetValidation {
  ok: boolean;
  ruleSet: RuleSet | null;
  errors: ScoringIssue[];
  /** What the source itself does not make add up (a stated maximum that is not its parts' sum): said, not refused. */
  warnings: ScoringIssue[];
}

/**
 * Checks a rule set (a district's rules.json, say) and lists every problem at once, each with its
 * path and a message in Vietnamese and English — never the validator's English standing in for
 * the Vietnamese. Unknown keys are errors, with the likely intended key ("did you mean …").
 * A version 1 rule set is refused with the way to convert it (`upgradeRuleSet`, `thidua rules upgrade`).
 */
export function validateRuleSet(input: unknown): RuleSetValidation {
  if (isVersion1(input)) {
    return { ok: false, ruleSet: null, errors: [{ path: ['schemaVersion'], code: 'rule_set_version_1', message: issueMessages.rule_set_version_1() }], warnings: [] };
  }
  const result = ruleSetSchema.safeParse(input);
  if (result.success) return { ok: true, ruleSet: result.data, errors: [], warnings: ruleSetWarnings(result.data) };
  return { ok: false, ruleSet: null, errors: result.error.issues.map((issue) => toScoringIssue(issue, input, ruleSetSchema)), warnings: [] };
}

/** A version 1 rule set: `schemaVersion: 1`. */
export function isVersion1(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { schemaVersion?: unknown }).schemaVersion === 1;
}

/** A zod issue as the library reports problems: path, code, and a message in both languages. */
export function toScoringIssue(issue: z.core.$ZodIssue, input: unknown, root: z.core.$ZodType | null): ScoringIssue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const detail = describeIssue(issue, input, path, root);
  const where = path.length === 0 ? '(gốc)' : path.join('.');
  const whereEn = path.length === 0 ? '(root)' : path.join('.');
  return {
    path,
    code: 'invalid_rule_set',
    message: issueMessages.invalid_rule_set({ vi: `${where}: ${detail.vi}`, en: `${whereEn}: ${detail.en}` }),
  };
}

const typeVi: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'mảng',
  undefined: 'không có',
  null: 'null',
  int: 'số nguyên',
};

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** One zod issue in words, in both languages; `root` (the schema parsed) lets unknown keys get a "did you mean". */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, path: (string | number)[], root: z.core.$ZodType | null): LocalizedText {
  switch (issue.code) {
    case 'custom': {
      const params = (issue as { params?: { key?: RuleCheckKey; args?: string[] } }).params;
      if (params?.key && params.key in ruleCheckMessages) {
        return (ruleCheckMessages[params.key] as (...args: string[]) => LocalizedText)(...(params.args ?? []));
      }
      return { vi: issue.message, en: issue.message };
    }
    case 'invalid_type': {
      const got = received(valueAt(input, path));
      if (got === 'undefined') return { vi: 'thiếu trường bắt buộc', en: 'a required field is missing' };
      return {
        vi: `phải là ${typeVi[issue.expected] ?? issue.expected}, không phải ${typeVi[got] ?? got}`,
        en: `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, not ${got}`,
      };
    }
    case 'unrecognized_keys': {
      const known = root ? allowedKeys(root, input, path) : [];
      const parts = issue.keys.map((k) => ({ k, guess: didYouMean(k, known) }));
      return {
        vi: parts.map(({ k, guess }) => `không có trường "${k}"${guess ? ` — có phải "${guess}"?` : ''}`).join('; ') + (known.length ? ` (có: ${known.join(', ')})` : ''),
        en: parts.map(({ k, guess }) => `unknown key "${k}"${guess ? ` — did you mean "${guess}"?` : ''}`).join('; ') + (known.length ? ` (allowed: ${known.join(', ')})` : ''),
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const got = valueAt(input, path);
      const guess = typeof got === 'string' ? didYouMean(got, allowed) : null;
      return {
        vi: `phải là một trong: ${allowed.join(', ')}${typeof got === 'string' ? ` (nhận được "${got}")` : ''}${guess ? ` — có phải "${guess}"?` : ''}`,
        en: `must be one of: ${allowed.join(', ')}${typeof got === 'string' ? ` (got "${got}")` : ''}${guess ? ` — did you mean "${guess}"?` : ''}`,
      };
    }
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[] };
      if (u.discriminator) {
        const options = (u.options ?? []).map(String);
        const got = valueAt(input, path);
        const guess = typeof got === 'string' ? didYouMean(got, options) : null;
        return {
          vi: `phải là một trong: ${options.join(', ')}${typeof got === 'string' ? ` (nhận được "${got}")` : ''}${guess ? ` — có phải "${guess}"?` : ''}`,
          en: `must be one of: ${options.join(', ')}${typeof got === 'string' ? ` (got "${got}")` : ''}${guess ? ` — did you mean "${guess}"?` : ''}`,
        };
      }
      return { vi: 'không khớp dạng nào được phép', en: 'matches none of the allowed forms' };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return { vi: `cần ít nhất ${min} phần tử`, en: `needs at least ${min} item(s)` };
      if (issue.origin === 'string') return { vi: 'không được để trống', en: 'must not be empty' };
      return { vi: `phải ${issue.inclusive ? '≥' : '>'} ${min}`, en: `must be ${issue.inclusive ? '≥' : '>'} ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return { vi: `tối đa ${max} phần tử`, en: `at most ${max} item(s)` };
      return { vi: `phải ${issue.inclusive ? '≤' : '<'} ${max}`, en: `must be ${issue.inclusive ? '≤' : '<'} ${max}` };
    }
    case 'invalid_format': {
      const m = schemaMessages[issue.message];
      if (m) return m;
      return { vi: 'định dạng không hợp lệ', en: 'invalid format' };
    }
    default:
      return { vi: 'giá trị không hợp lệ', en: 'invalid value' };
  }
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v = input;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
