import type { RuleSet } from '@thidua/scoring';
import { columnMatcher, columnsFor, groupIdFor } from './columns.js';
import { sheetMessages } from './messages.js';
import type { RosterEntry, SheetIssue } from './parse.js';
import { defaultReadLimits, type ReadLimits } from './limits.js';
import { readTable } from './read-table.js';
import { cleanText, unneutraliseCell } from './text.js';

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
    if (typeof u.group !== 'string' || !groups.has(u.group)) {
      problems.push({ index, field: 'group', code: 'unknown_group', message: sheetMessages.unknown_group(String(u.group ?? ''), accepted) });
    }
  });
  return problems;
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
