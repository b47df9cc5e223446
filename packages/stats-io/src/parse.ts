import { validateUnits, type LocalizedText, type RuleSet, type ScoringIssue, type UnitInput } from '@thidua/scoring';
import { columnMatcher, columnsFor, groupIdFor, type StatsColumn } from './columns.js';
import { sheetMessages, type SheetCode } from './messages.js';
import { readCount, readPoints } from './numbers.js';
import { defaultReadLimits, type ReadLimits } from './limits.js';
import { headerSearchDepth, readTable, type RawCell, type RawRow } from './read-table.js';
import { distance } from 'fastest-levenshtein';
import { cleanText, foldForMatch, unneutraliseCell } from './text.js';
import { matchRoster, withRosterNames } from './roster.js';

/** A unit of the campaign roster: the units expected in every statistics file. */
export interface RosterEntry {
  id: string;
  name: string;
  /** Group id from the rule set. */
  group: string;
}

export interface SheetIssue {
  /** Spreadsheet row number as Excel shows it (header = 1); null = the whole file. */
  row: number | null;
  /** The column title as written in the file (or the key); null = the whole row or file. */
  column: string | null;
  /** The UnitInput field concerned, if any. */
  field: string | null;
  /** A scoring-library code (on_time_exceeds_online…) or a sheet code (unknown_unit…). */
  code: string;
  message: LocalizedText;
}

export interface ParsedStats {
  /** The file's format; 'json' for a unit list read by a caller with the same shape of answer. */
  format: 'csv' | 'xlsx' | 'json';
  /** Empty whenever `issues` is not. */
  units: UnitInput[];
  /** Every problem at once; non-empty ⇒ the whole file must be refused. */
  issues: SheetIssue[];
  /** Worth showing, not blocking: ignored columns, online cases neither on time nor late. */
  warnings: SheetIssue[];
  /** Data rows read (blank rows not counted). */
  rowCount: number;
}

export interface ParseOptions {
  /** Only used to recognise a mislabelled file; the content decides the format. */
  fileName?: string | undefined;
  ruleSet: RuleSet;
  /** When given, every unit of the file must be in it, and every unit in it must be in the file. */
  roster?: RosterEntry[] | undefined;
  /** Size limits checked before parsing (limits.ts); each defaults to `defaultReadLimits`. */
  limits?: Partial<ReadLimits> | undefined;
}

interface MappedColumn {
  index: number;
  header: string;
  column: StatsColumn;
}

/**
 * Reads a statistics file (CSV or the first sheet of an XLSX workbook), checks it against the rule
 * set (through the scoring library's `validateUnits`) and the roster, and reports every problem
 * with the row and column an official sees in Excel. See README.md for the format decisions.
 */
export async function parseStatsFile(bytes: Uint8Array, opts: ParseOptions): Promise<ParsedStats> {
  const columns = columnsFor(opts.ruleSet);
  const columnForHeader = columnMatcher(columns);
  const read = await readTable(bytes, opts.fileName, (text) => columnForHeader(text) !== undefined, { ...defaultReadLimits, ...opts.limits });
  if (!read.ok) return refuse(read.format, [at(read.row ?? null, null, null, read.code, read.message)], [], 0);
  const { format, rows } = read.table;
  if (rows.length === 0) return refuse(format, [fileIssue('empty_file', sheetMessages.empty_file())], [], 0);

  // ---- header
  const headerAt = findHeaderRow(rows, columnForHeader);
  const headerRow = rows[headerAt] as RawRow;
  const issues: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  const mapped: MappedColumn[] = [];
  headerRow.cells.forEach((cell, index) => {
    const header = cell === null ? '' : cleanText(String(cell));
    if (header === '') return;
    const column = columnForHeader(header);
    if (!column) {
      warnings.push(at(headerRow.rowNumber, header, null, 'unknown_column', sheetMessages.unknown_column(header)));
      return;
    }
    const first = mapped.find((m) => m.column === column);
    if (first) {
      issues.push(
        at(headerRow.rowNumber, header, column.field, 'duplicate_column', sheetMessages.duplicate_column(header, first.header)),
      );
      return;
    }
    mapped.push({ index, header, column });
  });
  for (const column of columns) {
    if (column.required && !mapped.some((m) => m.column === column)) {
      const suggestion = closestHeader(column, headerRow.cells, mapped);
      issues.push(
        at(
          headerRow.rowNumber,
          suggestion?.header ?? null,
          column.field,
          'missing_column',
          sheetMessages.missing_column(column.titleVi, column.titleEn, column.key, suggestion ?? undefined),
        ),
      );
    }
  }
  // Without its columns every row would repeat the same complaint: stop at the header.
  if (issues.length > 0) return refuse(format, issues, warnings, 0);

  // ---- rows → units
  // A row with neither a unit id nor any count is a note or a signature line under the table
  // ("Người lập biểu"…): ignored, with a warning. The roster check still catches a unit left out.
  const dataRows: RawRow[] = [];
  const keyCells = mapped.filter((m) => m.column.field === 'id' || m.column.kind === 'count' || m.column.kind === 'points');
  const idColumn = mapped.find((m) => m.column.field === 'id');
  for (const r of rows.slice(headerAt + 1)) {
    const filled = mapped.filter((m) => !isEmptyCell(r.cells[m.index] ?? null));
    if (filled.length === 0) continue;
    // "Tổng cộng" under the table: the library adds up by itself; a total is not a unit.
    if (isTotalRow(r, idColumn?.index)) {
      const text = r.cells.filter((c) => !isEmptyCell(c)).map((c) => cleanText(String(c))).join(' | ');
      warnings.push(at(r.rowNumber, null, null, 'total_row', sheetMessages.total_row(text.slice(0, 200))));
      continue;
    }
    if (keyCells.every((m) => isEmptyCell(r.cells[m.index] ?? null))) {
      const text = filled.map((m) => cleanText(String(r.cells[m.index]))).join(' | ');
      warnings.push(at(r.rowNumber, null, null, 'ignored_row', sheetMessages.ignored_row(text)));
      continue;
    }
    dataRows.push(r);
  }
  if (dataRows.length === 0) return refuse(format, [fileIssue('no_data_rows', sheetMessages.no_data_rows())], warnings, 0);

  const headerOf = new Map(mapped.map((m) => [m.column.field as string, m.header]));
  /** Cells this package already reported; the library's complaint about them is dropped. */
  const reported = new Set<string>();
  /** Group cells repeat a handful of values: each is resolved once. */
  const groupIds = new Map<string, string | undefined>();
  const groupAccepted = opts.ruleSet.groups.map((g) => `${g.shortName.vi} (${g.id})`).join(', ');

  const rawUnits = dataRows.map((row, i) => {
    const unit: Record<string, unknown> = {};
    for (const { index, header, column } of mapped) {
      const cell = row.cells[index] ?? null;
      if (isEmptyCell(cell)) continue;
      const field = column.field;
      if (column.kind === 'text' || column.kind === 'comment') {
        unit[field] = cleanText(unneutraliseCell(String(cell)));
      } else if (column.kind === 'points') {
        if (typeof cell === 'number') unit[field] = cell;
        else {
          const reading = readPoints(String(cell));
          if (reading.kind === 'points') unit[field] = reading.value;
          else if (reading.kind === 'notApplicable') unit[field] = 'x';
          else if (reading.kind === 'invalid') {
            unit[field] = String(cell);
            reported.add(`${i}:${field}`);
            issues.push(at(row.rowNumber, header, field, 'not_points', sheetMessages.not_points(header, String(cell).trim())));
          }
        }
      } else if (column.kind === 'group') {
        const text = cleanText(String(cell));
        let groupId = groupIds.get(text);
        if (!groupIds.has(text)) groupIds.set(text, (groupId = groupIdFor(text, opts.ruleSet)));
        unit[field] = groupId ?? text;
        if (groupId === undefined) {
          reported.add(`${i}:${field}`);
          issues.push(at(row.rowNumber, header, field, 'unknown_group', sheetMessages.unknown_group(text, groupAccepted)));
        }
      } else if (typeof cell === 'number') {
        unit[field] = cell;
      } else {
        const text = String(cell);
        const reading = readCount(text);
        if (reading.kind === 'number') unit[field] = reading.value;
        else if (reading.kind !== 'empty') {
          // Keep the text so the library skips the cross-field checks that need this number.
          unit[field] = text;
          reported.add(`${i}:${field}`);
          const code = reading.kind === 'ambiguous' ? 'ambiguous_number' : 'not_a_count';
          issues.push(at(row.rowNumber, header, field, code, sheetMessages[code](header, text.trim())));
        }
      }
    }
    return unit;
  });

  // ---- duplicates and roster
  const firstRowOfId = new Map<string, number>();
  rawUnits.forEach((unit, i) => {
    const id = unit.id;
    if (typeof id !== 'string' || id === '') return;
    const row = (dataRows[i] as RawRow).rowNumber;
    const first = firstRowOfId.get(id);
    if (first !== undefined) issues.push(at(row, headerOf.get('id') ?? null, 'id', 'duplicate_id', sheetMessages.duplicate_id(id, first)));
    else firstRowOfId.set(id, row);
  });
  if (opts.roster) {
    // A group cell that could not be read has its own message already.
    const readable = rawUnits.map((u, i) => (reported.has(`${i}:group`) ? { ...u, group: undefined } : u));
    const written = (i: number) => String((dataRows[i] as RawRow).cells[mappedIndex(mapped, 'group')] ?? '').trim() || undefined;
    for (const m of matchRoster(readable, opts.roster, opts.ruleSet, written)) {
      const row = m.index === null ? null : (dataRows[m.index] as RawRow).rowNumber;
      issues.push(at(row, m.index === null ? null : (headerOf.get(m.field) ?? null), m.field, m.code, m.message));
    }
  }

  // ---- the library's own checks, placed on the sheet
  const validation = validateUnits(rawUnits, opts.ruleSet);
  const place = (issue: ScoringIssue): SheetIssue | undefined => {
    const [index, field] = issue.path;
    if (typeof index !== 'number') return fileIssue(issue.code, issue.message);
    const fieldName = typeof field === 'string' ? field : null;
    if (fieldName && reported.has(`${index}:${fieldName}`)) return undefined;
    if (issue.code === 'duplicate_id') return undefined; // reported above with sheet row numbers
    const row = dataRows[index]?.rowNumber ?? null;
    const column = fieldName ? (headerOf.get(fieldName) ?? null) : null;
    if (issue.code === 'required' && column) return at(row, column, fieldName, issue.code, sheetMessages.required(column));
    return at(row, column, fieldName, issue.code, withColumnNames(issue.message, headerOf, columns));
  };
  for (const e of validation.errors) {
    const placed = place(e);
    if (placed) issues.push(placed);
  }
  for (const w of validation.warnings) {
    const placed = place(w);
    if (placed) warnings.push(placed);
  }

  const columnOrder = (c: string | null) => (c === null ? -1 : mapped.findIndex((m) => m.header === c));
  const byPosition = (a: SheetIssue, b: SheetIssue) =>
    (a.row ?? 0) - (b.row ?? 0) || columnOrder(a.column) - columnOrder(b.column);
  issues.sort(byPosition);
  warnings.sort(byPosition);

  if (issues.length > 0 || !validation.ok) return refuse(format, issues, warnings, dataRows.length);
  // The roster's spelling wins over the file's (they differ at most in letter case).
  const units = opts.roster ? withRosterNames(validation.units, opts.roster) : validation.units;
  return { format, units, issues, warnings, rowCount: dataRows.length };
}

/** The header row: the first row naming the unit-id column, else the one naming most columns. */
function findHeaderRow(rows: RawRow[], columnForHeader: (header: string) => StatsColumn | undefined): number {
  const candidates = rows.slice(0, headerSearchDepth);
  const names = (row: RawRow) =>
    row.cells.map((c) => (typeof c === 'string' ? columnForHeader(c) : undefined)).filter((c) => c !== undefined);
  const withId = candidates.findIndex((r) => names(r).some((c) => c.key === 'unit_id'));
  if (withId >= 0) return withId;
  let best = 0;
  let bestCount = 0;
  candidates.forEach((r, i) => {
    const n = names(r).length;
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  return best;
}

function mappedIndex(mapped: MappedColumn[], field: string): number {
  return mapped.find((m) => m.column.field === field)?.index ?? -1;
}

function isEmptyCell(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Names are compared ignoring letter case and spacing, but not accents: "Tam Xuân" ≠ "Tam Xuan". */
/** The library names fields ("resolvedLate"); an official knows the column ("Số hồ sơ trễ hạn"). */
function withColumnNames(message: LocalizedText, headerOf: Map<string, string>, columns: readonly StatsColumn[]): LocalizedText {
  let { vi, en } = message;
  for (const column of columns) {
    const quoted = `"${column.field}"`;
    vi = vi.replaceAll(quoted, `"${headerOf.get(column.field) ?? column.titleVi}"`);
    en = en.replaceAll(quoted, `"${headerOf.get(column.field) ?? column.titleEn}"`);
  }
  return { vi, en };
}

function at(row: number | null, column: string | null, field: string | null, code: string, message: LocalizedText): SheetIssue {
  return { row, column, field, code, message };
}

/** What a total row says in its first text cell (accents and case aside). */
const totalWords = new Set(['tong cong', 'tong', 'cong', 'tong so', 'total', 'grand total', 'sum']);

/** A row whose unit id is empty or a total word, and one of whose text cells is a total word. */
function isTotalRow(row: RawRow, idIndex: number | undefined): boolean {
  const id = idIndex === undefined ? null : (row.cells[idIndex] ?? null);
  const idText = typeof id === 'string' ? foldForMatch(id) : id === null ? '' : null;
  if (idText === null || (idText !== '' && !totalWords.has(idText))) return false;
  return row.cells.some((c) => typeof c === 'string' && totalWords.has(foldForMatch(c)));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * For a required column that is missing: the header among the file's unrecognised ones that is
 * nearest to one of its names (edit distance on the folded text, at most a quarter of its length,
 * and at least 2) — a misspelt title ("Tông số hồ so da giai quyet") gets "did you mean …".
 */
function closestHeader(column: StatsColumn, cells: readonly RawCell[], mapped: readonly MappedColumn[]): { header: string; letter: string } | null {
  const names = [column.key, column.titleVi, column.titleEn, column.field].map(foldForMatch);
  let best: { header: string; letter: string; d: number } | null = null;
  for (const [index, cell] of cells.entries()) {
    if (cell === null || mapped.some((m) => m.index === index)) continue;
    const header = cleanText(String(cell));
    const folded = foldForMatch(header);
    if (folded === '') continue;
    for (const name of names) {
      const d = distance(folded, name);
      if (d <= Math.max(2, Math.floor(name.length / 4)) && (best === null || d < best.d)) best = { header, letter: columnLetter(index), d };
    }
  }
  return best && { header: best.header, letter: best.letter };
}

function fileIssue(code: SheetCode | string, message: LocalizedText): SheetIssue {
  return at(null, null, null, code, message);
}

function refuse(format: 'csv' | 'xlsx', issues: SheetIssue[], warnings: SheetIssue[], rowCount: number): ParsedStats {
  return { format, units: [], issues, warnings, rowCount };
}
