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
/** Each count field's bit in `unusable` (see checkUnit), in `countFields` order. */
const bitOf = (field: (typeof countFields)[number]): number => 1 << countFields.indexOf(field);
const TOTAL = bitOf('resolvedTotal');
const ONLINE = bitOf('resolvedOnline');
const ON_TIME = bitOf('resolvedOnlineOnTime');
const LATE = bitOf('resolvedLate');
const FULL = bitOf('resolvedOnlineFull');
const PARTIAL = bitOf('resolvedOnlinePartial');
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ path: [i], code: 'not_an_object', message: issueMessages.not_an_object() });
    return;
  }
  const u = raw as Record<string, unknown>;
  for (const field in u) {
    if (!knownFields.has(field) && Object.hasOwn(u, field)) addIssue(errors, i, field, 'unknown_field', issueMessages.unknown_field(field));
  }
  for (const field of textFields) {
    const v = u[field];
    if (v === undefined || v === null) addIssue(errors, i, field, 'required', issueMessages.required(field));
    else if (typeof v !== 'string') addIssue(errors, i, field, 'not_a_string', issueMessages.not_a_string(field));
  }
  if (typeof u.id === 'string') {
    if (u.id.trim() === '') addIssue(errors, i, 'id', 'empty_id', issueMessages.empty_id());
    else {
      const first = firstIndexOfId.get(u.id);
      if (first !== undefined) addIssue(errors, i, 'id', 'duplicate_id', issueMessages.duplicate_id(u.id, first));
      else firstIndexOfId.set(u.id, i);
    }
  }
  if (typeof u.name === 'string' && u.name.trim() === '') addIssue(errors, i, 'name', 'empty_name', issueMessages.empty_name());
  if (typeof u.group === 'string' && !groupIds.includes(u.group)) {
    addIssue(errors, i, 'group', 'unknown_group', issueMessages.unknown_group(u.group, groupIds));
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
      addIssue(errors, i, field, code, (issueMessages[code] as (field: string) => ScoringIssue['message'])(field));
    }
  }

  // A count field is usable when its bit is clear: present (required ones always, by the loop
  // above; optional ones where `hasFull` / `hasPartial` say so) and passing its own checks.
  const R = u.resolvedTotal as number;
  const O = u.resolvedOnline as number;
  const T = u.resolvedOnlineOnTime as number;
  const L = u.resolvedLate as number;
  if (usable(unusable, ON_TIME | ONLINE) && T > O) {
    addIssue(errors, i, 'resolvedOnlineOnTime', 'on_time_exceeds_online', issueMessages.on_time_exceeds_online(T, O));
  }
  if (usable(unusable, ONLINE | TOTAL) && O > R) {
    addIssue(errors, i, 'resolvedOnline', 'online_exceeds_total', issueMessages.online_exceeds_total(O, R));
  }
  if (usable(unusable, LATE | TOTAL)) {
    if (L > R) addIssue(errors, i, 'resolvedLate', 'late_exceeds_total', issueMessages.late_exceeds_total(L, R));
    else if (usable(unusable, ON_TIME) && T + L > R) {
      addIssue(errors, i, 'resolvedLate', 'on_time_plus_late_exceeds_total', issueMessages.on_time_plus_late_exceeds_total(T, L, R));
    }
  }
  const hasFull = u.resolvedOnlineFull !== undefined && u.resolvedOnlineFull !== null;
  const hasPartial = u.resolvedOnlinePartial !== undefined && u.resolvedOnlinePartial !== null;
  if (hasFull !== hasPartial) {
    const present = hasFull ? 'resolvedOnlineFull' : 'resolvedOnlinePartial';
    const missing = hasFull ? 'resolvedOnlinePartial' : 'resolvedOnlineFull';
    addIssue(errors, i, missing, 'full_partial_incomplete', issueMessages.full_partial_incomplete(present, missing));
  } else if (hasFull && usable(unusable, FULL | PARTIAL | ONLINE)) {
    const full = u.resolvedOnlineFull as number;
    const partial = u.resolvedOnlinePartial as number;
    if (full + partial !== O) {
      addIssue(errors, i, 'resolvedOnlinePartial', 'full_partial_mismatch', issueMessages.full_partial_mismatch(full, partial, O));
    }
  }
}

function addIssue(errors: ScoringIssue[], i: number, field: string, code: Code, message: ScoringIssue['message']): void {
  errors.push({ path: [i, field], code, message });
}

/** Whether none of the given count fields' bits is set in `unusable`. */
const usable = (unusable: number, bits: number): boolean => (unusable & bits) === 0;
