import { defaultReadLimits, type ReadLimits } from './limits.js';
import { sheetMessages } from './messages.js';
import type { SheetIssue } from './parse.js';
import { readTable } from './read-table.js';
import { cleanText, unneutraliseCell } from './text.js';

/**
 * A sheet of accounts and what each works on (issue 15: "a sheet of accounts and their units can
 * be imported"): one row a role — user name, the person's name, the role, the campaign, and the
 * unit (a unit officer's; an appraiser's assigned unit, or empty for every unit). A person with
 * several units has several rows. Titles in Vietnamese or the keys in brackets; roles by their
 * Vietnamese name or their key. Whether the campaign and unit exist is the server's to check.
 */

export const accountSheetColumns = [
  { field: 'username', titleVi: 'Tên đăng nhập', titleEn: 'User name', key: 'username', required: true },
  { field: 'displayName', titleVi: 'Họ tên', titleEn: 'Name', key: 'display_name', required: true },
  { field: 'role', titleVi: 'Vai trò', titleEn: 'Role', key: 'role', required: true },
  { field: 'campaignId', titleVi: 'Mã đợt thi đua', titleEn: 'Campaign id', key: 'campaign_id', required: true },
  { field: 'unitId', titleVi: 'Mã đơn vị', titleEn: 'Unit id', key: 'unit_id', required: false },
] as const;

type Field = (typeof accountSheetColumns)[number]['field'];

/** The roles a row may name, by key or by the names officials write. */
const roleWords: Record<string, string> = {
  officer: 'officer',
  'cán bộ đầu mối': 'officer',
  'đầu mối': 'officer',
  appraiser: 'appraiser',
  'thẩm định': 'appraiser',
  'tổ giúp việc': 'appraiser',
  'thành viên tổ giúp việc': 'appraiser',
  council: 'council',
  'hội đồng': 'council',
  'hội đồng thẩm định': 'council',
  clerk: 'clerk',
  'tổng hợp số liệu': 'clerk',
  publisher: 'publisher',
  'công bố': 'publisher',
};

export interface AccountSheetRow {
  row: number;
  username: string;
  displayName: string;
  role: string;
  campaignId: string;
  unitId: string | null;
}

const fold = (s: string) => cleanText(s).toLocaleLowerCase('vi');

function fieldOf(title: string): Field | undefined {
  const t = fold(title);
  return accountSheetColumns.find((c) => fold(c.titleVi) === t || fold(c.titleEn) === t || c.key === t || t.includes(`[${c.key}]`))?.field;
}

export async function parseAccountsFile(bytes: Uint8Array, opts: { fileName?: string; limits?: Partial<ReadLimits> } = {}): Promise<{ rows: AccountSheetRow[]; issues: SheetIssue[] }> {
  const read = await readTable(bytes, opts.fileName, (text) => fieldOf(text) !== undefined, { ...defaultReadLimits, ...opts.limits });
  if (!read.ok) return { rows: [], issues: [{ row: read.row ?? null, column: null, field: null, code: read.code, message: read.message }] };
  const { rows } = read.table;
  const headerAt = rows.findIndex((r) => r.cells.some((c) => typeof c === 'string' && fieldOf(c) === 'username'));
  const header = rows[headerAt]?.cells ?? [];
  const at = new Map<Field, { index: number; title: string }>();
  header.forEach((cell, index) => {
    const f = typeof cell === 'string' ? fieldOf(cell) : undefined;
    if (f && !at.has(f)) at.set(f, { index, title: cleanText(String(cell)) });
  });
  const issues: SheetIssue[] = accountSheetColumns
    .filter((c) => c.required && !at.has(c.field))
    .map((c) => ({ row: rows[headerAt]?.rowNumber ?? 1, column: null, field: c.field, code: 'missing_column', message: sheetMessages.missing_column(c.titleVi, c.titleEn, c.key) }));
  if (issues.length > 0) return { rows: [], issues };
  const text = (cells: readonly unknown[], f: Field) => {
    const cell = cells[at.get(f)?.index ?? -1];
    return cell === null || cell === undefined ? '' : cleanText(unneutraliseCell(String(cell)));
  };
  const out: AccountSheetRow[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    if (accountSheetColumns.every((c) => text(r.cells, c.field) === '')) continue;
    const issue = (f: Field, vi: string, en: string) =>
      issues.push({ row: r.rowNumber, column: at.get(f)?.title ?? null, field: f, code: 'invalid_value', message: { vi, en } });
    for (const c of accountSheetColumns) {
      if (c.required && text(r.cells, c.field) === '') issue(c.field, `Thiếu ${c.titleVi.toLowerCase()}`, `${c.titleEn} is missing`);
    }
    const roleText = text(r.cells, 'role');
    const role = roleWords[fold(roleText)];
    if (roleText !== '' && !role) {
      issue('role', `Vai trò "${roleText}" không có; dùng: cán bộ đầu mối, tổ giúp việc, hội đồng, tổng hợp số liệu, công bố`, `No role "${roleText}"; use officer, appraiser, council, clerk or publisher`);
    }
    const unitId = text(r.cells, 'unitId');
    if (role === 'officer' && unitId === '') issue('unitId', 'Cán bộ đầu mối phải có mã đơn vị', 'A unit officer needs a unit id');
    if (role !== undefined && role !== 'officer' && role !== 'appraiser' && unitId !== '') issue('unitId', 'Chỉ cán bộ đầu mối và tổ giúp việc có đơn vị', 'Only an officer or an appraiser holds a unit');
    out.push({
      row: r.rowNumber,
      username: text(r.cells, 'username'),
      displayName: text(r.cells, 'displayName'),
      role: role ?? roleText,
      campaignId: text(r.cells, 'campaignId'),
      unitId: unitId === '' ? null : unitId,
    });
  }
  if (out.length === 0 && issues.length === 0) issues.push({ row: null, column: null, field: null, code: 'no_data_rows', message: sheetMessages.no_data_rows() });
  // The rows come back with their problems: the caller adds what only it can check (campaigns, units).
  return { rows: out, issues };
}
