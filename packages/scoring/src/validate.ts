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
const textFields = ['id', 'name', 'group'] as const;
type Code = keyof typeof issueMessages;

/**
 * Checks a unit list against the rule set and lists every problem at once, each with a path
 * [index, field]. Errors reject; warnings (online cases neither on time nor counted late) do not.
 *
 * Written to allocate nothing for a valid unit (a national roster is tens of thousands of them);
 * the messages are only built for the problems found.
 */
export function validateUnits(input: unknown, ruleSet: RuleSet): UnitValidation {
  const errors: ScoringIssue[] = [];
  const warnings: ScoringIssue[] = [];
  if (!Array.isArray(input)) {
    return { ok: false, units: [], errors: [{ path: [], code: 'not_a_list', message: issueMessages.not_a_list() }], warnings };
  }
  const groupIds = ruleSet.groups.map((g) => g.id);
  const firstIndexOfId = new Map<string, number>();
  for (let i = 0; i < input.length; i++) {
    const before = errors.length;
    checkUnit(input[i], i, groupIds, firstIndexOfId, errors);
    const u = input[i] as UnitInput;
    if (errors.length === before) {
      const { resolvedOnline: O, resolvedOnlineOnTime: T, resolvedLate: L } = u;
      if (L < O - T) {
        warnings.push({
          path: [i, 'resolvedLate'],
          code: 'unaccounted_online_cases',
          message: issueMessages.unaccounted_online_cases(O - T, L),
        });
      }
    }
  }

  if (errors.length > 0) return { ok: false, units: [], errors, warnings };
  // The checks below implement `unitSchema` field by field, with bilingual messages; a property
  // test holds them to agree with the zod schema.
  return { ok: true, units: input as UnitInput[], errors, warnings };
}

function checkUnit(raw: unknown, i: number, groupIds: string[], firstIndexOfId: Map<string, number>, errors: ScoringIssue[]): void {
  const push = (field: string, code: Code, message: ScoringIssue['message']) => {
    errors.push({ path: [i, field], code, message });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ path: [i], code: 'not_an_object', message: issueMessages.not_an_object() });
    return;
  }
  const u = raw as Record<string, unknown>;
  for (const field in u) {
    if (Object.hasOwn(u, field) && !knownFields.has(field)) push(field, 'unknown_field', issueMessages.unknown_field(field));
  }
  for (const field of textFields) {
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
  // Fields whose value itself is unusable, one bit per count field; relations between usable
  // fields are all checked, so T > O and T + L > R are both reported when both are true.
  let unusable = 0;
  for (let f = 0; f < countFields.length; f++) {
    const field = countFields[f] as (typeof countFields)[number];
    const v = u[field];
    const optional = field === 'resolvedOnlineFull' || field === 'resolvedOnlinePartial';
    let code: Code | null = null;
    if (v === undefined || v === null) code = optional ? null : 'required';
    else if (typeof v !== 'number' || !Number.isFinite(v)) code = 'not_a_number';
    else if (!Number.isSafeInteger(v)) code = 'not_an_integer';
    else if (v < 0) code = 'negative';
    if (code !== null) {
      unusable |= 1 << f;
      push(field, code, (issueMessages[code] as (field: string) => ScoringIssue['message'])(field));
    }
  }

  const ok = (f: (typeof countFields)[number]) => typeof u[f] === 'number' && (unusable & (1 << countFields.indexOf(f))) === 0;
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
    const present = hasFull ? 'resolvedOnlineFull' : 'resolvedOnlinePartial';
    const missing = hasFull ? 'resolvedOnlinePartial' : 'resolvedOnlineFull';
    push(missing, 'full_partial_incomplete', issueMessages.full_partial_incomplete(present, missing));
  } else if (hasFull && ok('resolvedOnlineFull') && ok('resolvedOnlinePartial') && ok('resolvedOnline')) {
    const full = u.resolvedOnlineFull as number;
    const partial = u.resolvedOnlinePartial as number;
    if (full + partial !== O) {
      push('resolvedOnlinePartial', 'full_partial_mismatch', issueMessages.full_partial_mismatch(full, partial, O));
    }
  }
}
