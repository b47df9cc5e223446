import { issueMessages } from './errors.js';
import { countFields, unitFields } from './schema/units.js';
import type { RuleSet } from './schema/rule-set.js';
import type { ScoringIssue, UnitInput } from './types.js';

export interface UnitValidation {
  /** True when there is no error (warnings do not count). */
  ok: boolean;
  /** The units, when ok. */
  units: UnitInput[];
  errors: ScoringIssue[];
  warnings: ScoringIssue[];
}

const knownFields = new Set<string>(unitFields);

/**
 * Checks a unit list against the rule set and lists every problem at once, each with a path
 * [index, field]. Errors reject; warnings (online cases neither on time nor counted late) do not.
 */
export function validateUnits(input: unknown, ruleSet: RuleSet): UnitValidation {
  const errors: ScoringIssue[] = [];
  const warnings: ScoringIssue[] = [];
  if (!Array.isArray(input)) {
    return { ok: false, units: [], errors: [{ path: [], code: 'not_a_list', message: issueMessages.not_a_list() }], warnings };
  }
  const groupIds = ruleSet.groups.map((g) => g.id);
  const firstIndexOfId = new Map<string, number>();

  input.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ path: [i], code: 'not_an_object', message: issueMessages.not_an_object() });
      return;
    }
    const u = raw as Record<string, unknown>;
    // Fields whose value itself is unusable; relations between usable fields are all checked,
    // so T > O and T + L > R are both reported when both are true.
    const unusable = new Set<string>();
    let unitErrors = 0;
    const push = (field: string, code: keyof typeof issueMessages, message: ScoringIssue['message']) => {
      unitErrors++;
      errors.push({ path: [i, field], code, message });
    };
    const reject = (field: string, code: keyof typeof issueMessages, message: ScoringIssue['message']) => {
      unusable.add(field);
      push(field, code, message);
    };

    for (const field of Object.keys(u)) {
      if (!knownFields.has(field)) push(field, 'unknown_field', issueMessages.unknown_field(field));
    }
    for (const field of ['id', 'name', 'group'] as const) {
      const v = u[field];
      if (v === undefined || v === null) push(field, 'required', issueMessages.required(field));
      else if (typeof v !== 'string') push(field, 'not_a_string', issueMessages.not_a_string(field));
    }
    if (typeof u.id === 'string') {
      if (u.id.trim() === '') push('id', 'empty_id', issueMessages.empty_id());
      else {
        const first = firstIndexOfId.get(u.id);
        if (first !== undefined) push('id', 'duplicate_id', issueMessages.duplicate_id(u.id, first));
        else firstIndexOfId.set(u.id, i);
      }
    }
    if (typeof u.name === 'string' && u.name.trim() === '') push('name', 'empty_name', issueMessages.empty_name());
    if (typeof u.group === 'string' && !groupIds.includes(u.group)) {
      push('group', 'unknown_group', issueMessages.unknown_group(u.group, groupIds));
    }
    for (const field of countFields) {
      const v = u[field];
      const optional = field === 'resolvedOnlineFull' || field === 'resolvedOnlinePartial';
      if (v === undefined || v === null) {
        if (!optional) reject(field, 'required', issueMessages.required(field));
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        reject(field, 'not_a_number', issueMessages.not_a_number(field));
      } else if (!Number.isSafeInteger(v)) {
        reject(field, 'not_an_integer', issueMessages.not_an_integer(field));
      } else if (v < 0) {
        reject(field, 'negative', issueMessages.negative(field));
      }
    }

    const ok = (f: string) => typeof u[f] === 'number' && !unusable.has(f);
    const R = u.resolvedTotal as number;
    const O = u.resolvedOnline as number;
    const T = u.resolvedOnlineOnTime as number;
    const L = u.resolvedLate as number;
    if (ok('resolvedOnlineOnTime') && ok('resolvedOnline') && T > O) {
      push('resolvedOnlineOnTime', 'on_time_exceeds_online', issueMessages.on_time_exceeds_online(T, O));
    }
    if (ok('resolvedOnline') && ok('resolvedTotal') && O > R) {
      push('resolvedOnline', 'online_exceeds_total', issueMessages.online_exceeds_total(O, R));
    }
    if (ok('resolvedLate') && ok('resolvedTotal')) {
      if (L > R) push('resolvedLate', 'late_exceeds_total', issueMessages.late_exceeds_total(L, R));
      else if (ok('resolvedOnlineOnTime') && T + L > R) {
        push('resolvedLate', 'on_time_plus_late_exceeds_total', issueMessages.on_time_plus_late_exceeds_total(T, L, R));
      }
    }
    const hasFull = u.resolvedOnlineFull !== undefined && u.resolvedOnlineFull !== null;
    const hasPartial = u.resolvedOnlinePartial !== undefined && u.resolvedOnlinePartial !== null;
    if (hasFull !== hasPartial) {
      const [present, missing] = hasFull
        ? ['resolvedOnlineFull', 'resolvedOnlinePartial']
        : ['resolvedOnlinePartial', 'resolvedOnlineFull'];
      push(missing, 'full_partial_incomplete', issueMessages.full_partial_incomplete(present, missing));
    } else if (hasFull && ok('resolvedOnlineFull') && ok('resolvedOnlinePartial') && ok('resolvedOnline')) {
      const full = u.resolvedOnlineFull as number;
      const partial = u.resolvedOnlinePartial as number;
      if (full + partial !== O) {
        push('resolvedOnlinePartial', 'full_partial_mismatch', issueMessages.full_partial_mismatch(full, partial, O));
      }
    }
    if (unitErrors === 0 && L < O - T) {
      warnings.push({
        path: [i, 'resolvedLate'],
        code: 'unaccounted_online_cases',
        message: issueMessages.unaccounted_online_cases(O - T, L),
      });
    }
  });

  if (errors.length > 0) return { ok: false, units: [], errors, warnings };
  // The checks above implement `unitSchema` field by field, with bilingual messages; a property
  // test holds them to agree with the zod schema.
  return { ok: true, units: input as UnitInput[], errors, warnings };
}
