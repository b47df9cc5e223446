import type { RuleSet } from '@thidua/scoring';
import { columnMatcher, columnsFor, groupIdFor } from './columns.js';
import { sheetMessages } from './messages.js';
import type { RosterEntry, SheetIssue } from './parse.js';
import { defaultReadLimits, type ReadLimits } from './limits.js';
import { readTable } from './read-table.js';
import { cleanText, textProblem, unneutraliseCell } from './text.js';

/** Unit ids as they appear in addresses and files: ASCII letters, digits, ". _ -". */
export const unitIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A problem of one roster entry: its index in the list, the field, the code and the message. */
export interface RosterProblem {
  index: number;
  field: 'id' | 'name' | 'group';
  code: string;
  message: { vi: string; en: string };
}

/**
 * The roster's own rules, wherever a roster comes from (a campaign file, a sheet, the API): every
 * id valid and unique, every unit named, every group one of the rule set's.
 */
export function checkRoster(entries: readonly { id?: unknown; name?: unknown; group?: unknown }[], ruleSet: RuleSet): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const groups = new Set(ruleSet.groups.map((g) => g.id));
  const accepted = ruleSet.groups.map((g) => `${g.shortName.vi} (${g.id})`).join(', ');
  const firstIndex = new Map<string, number>();
  entries.forEach((u, index) => {
    if (typeof u.id !== 'string' || !unitIdPattern.test(u.id)) {
      problems.push({ index, field: 'id', code: 'invalid_unit_id', message: sheetMessages.invalid_unit_id(String(u.id ?? '')) });
    } else if (firstIndex.has(u.id)) {
      problems.push({ index, field: 'id', code: 'duplicate_unit', message: sheetMessages.duplicate_unit(u.id) });
    } else firstIndex.set(u.id, index);
    if (typeof u.name !== 'string' || u.name.trim() === '') problems.push({ index, field: 'name', code: 'missing_name', message: sheetMessages.missing_name() });
    else {
      const unsafe = textProblem(u.name, { field: unitNameField });
      if (unsafe) problems.push({ index, field: 'name', code: 'unsafe_text', message: unsafe.message });
    }
    if (typeof u.group !== 'string' || !groups.has(u.group)) {
      problems.push({ index, field: 'group', code: 'unknown_group', message: sheetMessages.unknown_group(String(u.group ?? ''), accepted) });
    }
  });
  return problems;
}

const unitNameField = { vi: 'Tên đơn vị', en: 'The unit name' };

/** A unit of an uploaded file that contradicts the roster; `index` null = a roster unit the file lacks. */
export interface RosterMismatch {
  index: number | null;
  field: 'id' | 'name' | 'group';
  code: 'unknown_unit' | 'name_mismatch' | 'group_mismatch' | 'missing_unit';
  message: { vi: string; en: string };
}

/**
 * The one check of an uploaded statistics file against the campaign's roster, whatever its format
 * (CSV, XLSX, JSON): every unit known, named as the roster names it (letter case aside), in the
 * roster's group, and every roster unit present. A file can neither rename a unit nor move it to
 * another group. A repeated id is checked once (the caller reports the repeat); a unit whose id,
 * name or group could not be read is left to the caller's own message for that cell.
 * `writtenGroup(index)` gives the group as the file wrote it, for the message (default: the id).
 */
export function matchRoster(
  units: readonly { id?: unknown; name?: unknown; group?: unknown }[],
  roster: readonly RosterEntry[],
  ruleSet: RuleSet,
  writtenGroup: (index: number) => string | undefined = () => undefined,
): RosterMismatch[] {
  const byId = new Map(roster.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const problems: RosterMismatch[] = [];
  units.forEach((unit, index) => {
    const id = unit.id;
    if (typeof id !== 'string' || id === '' || seen.has(id)) return;
    seen.add(id);
    const entry = byId.get(id);
    if (!entry) {
      problems.push({ index, field: 'id', code: 'unknown_unit', message: sheetMessages.unknown_unit(id) });
      return;
    }
    if (typeof unit.name === 'string' && unit.name !== entry.name && !sameName(unit.name, entry.name)) {
      problems.push({ index, field: 'name', code: 'name_mismatch', message: sheetMessages.name_mismatch(unit.name, entry.name, id) });
    }
    if (typeof unit.group === 'string' && unit.group !== entry.group) {
      const written = writtenGroup(index) ?? unit.group;
      problems.push({ index, field: 'group', code: 'group_mismatch', message: sheetMessages.group_mismatch(written, groupName(entry.group, ruleSet), id) });
    }
  });
  for (const entry of roster) {
    if (!seen.has(entry.id)) problems.push({ index: null, field: 'id', code: 'missing_unit', message: sheetMessages.missing_unit(entry.id, entry.name) });
  }
  return problems;
}

/** The same unit name, written with other letter case or spacing. */
export function sameName(a: string, b: string): boolean {
  return cleanText(a).toLocaleLowerCase('vi') === cleanText(b).toLocaleLowerCase('vi');
}

/** A group's short name as officials read it. */
export function groupName(groupId: string, ruleSet: RuleSet): string {
  return ruleSet.groups.find((g) => g.id === groupId)?.shortName.vi ?? groupId;
}

/** The roster's spelling of each unit's name (a file may differ from it only in letter case). */
export function withRosterNames<U extends { id: string; name: string }>(units: readonly U[], roster: readonly RosterEntry[]): U[] {
  const byId = new Map(roster.map((e) => [e.id, e.name]));
  return units.map((u) => ({ ...u, name: byId.get(u.id) ?? u.name }));
}

export interface ParsedRoster {
  format: 'csv' | 'xlsx';
  /** Empty whenever `issues` is not. */
  roster: RosterEntry[];
  issues: SheetIssue[];
  rowCount: number;
}

/**
 * Reads a roster sheet (CSV or XLSX): the first three columns of the statistics template — "Mã đơn
 * vị", "Tên đơn vị", "Nhóm" (or their keys) — one row per unit; any other column is ignored, so a
 * statistics sheet or a filled template serves as a roster too. Every problem by row and column.
 */
export async function parseRosterFile(bytes: Uint8Array, opts: { fileName?: string; ruleSet: RuleSet; limits?: Partial<ReadLimits> }): Promise<ParsedRoster> {
  const columns = columnsFor(opts.ruleSet).slice(0, 3);
  const match = columnMatcher(columns);
  const read = await readTable(bytes, opts.fileName, (text) => match(text) !== undefined, { ...defaultReadLimits, ...opts.limits });
  const fileIssue = (code: string, message: { vi: string; en: string }): SheetIssue => ({ row: null, column: null, field: null, code, message });
  if (!read.ok) return { format: read.format, roster: [], issues: [{ ...fileIssue(read.code, read.message), row: read.row ?? null }], rowCount: 0 };
  const { format, rows } = read.table;
  const headerAt = rows.findIndex((r) => r.cells.some((c) => typeof c === 'string' && match(c)?.field === 'id'));
  if (headerAt < 0) {
    const issues = columns.map((c): SheetIssue => ({ row: null, column: null, field: c.field, code: 'missing_column', message: sheetMessages.missing_column(c.titleVi, c.titleEn, c.key) }));
    return { format, roster: [], issues, rowCount: 0 };
  }
  const header = rows[headerAt]?.cells ?? [];
  const at = new Map<string, { index: number; title: string }>();
  header.forEach((cell, index) => {
    const column = typeof cell === 'string' ? match(cell) : undefined;
    if (column && !at.has(column.field)) at.set(column.field, { index, title: cleanText(String(cell)) });
  });
  const issues: SheetIssue[] = [];
  for (const c of columns) {
    if (!at.has(c.field)) issues.push({ row: rows[headerAt]?.rowNumber ?? 1, column: null, field: c.field, code: 'missing_column', message: sheetMessages.missing_column(c.titleVi, c.titleEn, c.key) });
  }
  if (issues.length > 0) return { format, roster: [], issues, rowCount: 0 };

  const text = (cell: unknown) => (cell === null || cell === undefined ? '' : cleanText(unneutraliseCell(String(cell))));
  const dataRows = rows.slice(headerAt + 1).filter((r) => ['id', 'name', 'group'].some((f) => text(r.cells[at.get(f)?.index ?? -1]) !== ''));
  const entries = dataRows.map((r) => {
    const group = text(r.cells[at.get('group')?.index ?? -1]);
    return { id: text(r.cells[at.get('id')?.index ?? -1]), name: text(r.cells[at.get('name')?.index ?? -1]), group: groupIdFor(group, opts.ruleSet) ?? group };
  });
  if (entries.length === 0) return { format, roster: [], issues: [fileIssue('no_data_rows', sheetMessages.no_data_rows())], rowCount: 0 };
  for (const p of checkRoster(entries, opts.ruleSet)) {
    issues.push({ row: dataRows[p.index]?.rowNumber ?? null, column: at.get(p.field)?.title ?? null, field: p.field, code: p.code, message: p.message });
  }
  if (issues.length > 0) return { format, roster: [], issues, rowCount: entries.length };
  return { format, roster: entries, issues: [], rowCount: entries.length };
}
