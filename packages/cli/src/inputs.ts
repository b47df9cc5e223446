import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { getPreset, presets, validateRuleSet, type RuleSet } from '@thidua/scoring';
import { parseStatsFile, type ParsedStats, type SheetIssue } from '@thidua/stats-io';
import { both, Progress, UsageError, UserError, type Lang } from './output.js';
import { issuesByPath, locateJson } from './json-position.js';

/** The preset used when --rules is not given. */
export const defaultPresetId = 'nui-thanh-2023';

/** Reads a file the user named; a missing or unreadable file is a usage error (exit 2). */
export function readInputFile(path: string, what: { vi: string; en: string }): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? { vi: 'không có tệp này', en: 'no such file' }
        : code === 'EISDIR'
          ? { vi: 'đây là thư mục, không phải tệp', en: 'this is a folder, not a file' }
          : { vi: 'không đọc được tệp', en: 'cannot read the file' };
    throw new UsageError({ vi: `${what.vi} "${path}": ${reason.vi}`, en: `${what.en} "${path}": ${reason.en}` });
  }
}

/**
 * The rule set named by --rules: a preset id, or a rules.json file (checked with the library's
 * validateRuleSet; its errors are placed on lines of the file).
 */
export function loadRuleSet(spec: string | undefined, lang: Lang): RuleSet {
  const id = spec ?? defaultPresetId;
  const preset = getPreset(id);
  if (preset) return preset;
  const looksLikeFile = /[./\\]/.test(id) || id.endsWith('.json');
  if (!looksLikeFile) {
    throw new UsageError({
      vi: `Không có bộ quy tắc mẫu "${id}" (có: ${Object.keys(presets).join(', ')}); hoặc đưa đường dẫn tới tệp rules.json`,
      en: `No preset "${id}" (available: ${Object.keys(presets).join(', ')}); or give the path of a rules.json file`,
    });
  }
  const text = new TextDecoder().decode(readInputFile(id, { vi: 'Tệp quy tắc', en: 'Rules file' }));
  const checked = checkRuleSetText(text);
  if (checked.ruleSet) return checked.ruleSet;
  const lines = checked.problems.map((p) => `  ✘ ${id}:${p.line}:${p.column}  ${both(p.message, lang)}`);
  throw new UserError(
    {
      vi: `Tệp quy tắc "${id}" không hợp lệ (${lines.length} lỗi); kiểm tra bằng: thidua rules check ${id}`,
      en: `the rules file "${id}" is invalid (${lines.length} problem(s)); check it with: thidua rules check ${id}`,
    },
    lines,
  );
}

export interface PlacedProblem {
  line: number;
  column: number;
  /** e.g. "groups[1].eligibility.minOnlineSharePercent", or "" for a syntax error. */
  path: string;
  message: { vi: string; en: string };
}

/** Parses and validates a rules.json text; every problem with its line and column. */
export function checkRuleSetText(text: string): { ruleSet: RuleSet | null; problems: PlacedProblem[] } {
  const located = locateJson(text);
  if (located.syntaxErrors.length > 0) return { ruleSet: null, problems: located.syntaxErrors };
  const result = validateRuleSet(located.value);
  if (result.ok && result.ruleSet) return { ruleSet: result.ruleSet, problems: [] };
  return { ruleSet: null, problems: issuesByPath(located, result.errors) };
}

export interface LoadedStats {
  fileName: string;
  bytes: Uint8Array;
  parsed: ParsedStats;
}

/** Files this large get progress lines on stderr. */
const largeFileBytes = 256 * 1024;

export function progressFor(path: string, forced: boolean | undefined): Progress {
  if (forced !== undefined) return new Progress(forced);
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // readInputFile reports a missing file.
  }
  return new Progress(size >= largeFileBytes);
}

/** Reads and checks a statistics file (CSV or XLSX) against the rule set, with @thidua/stats-io. */
export async function loadStats(path: string, ruleSet: RuleSet, progress: Progress): Promise<LoadedStats> {
  const bytes = readInputFile(path, { vi: 'Tệp số liệu', en: 'Statistics file' });
  progress.step({ vi: `Đang đọc ${basename(path)} (${bytes.length} byte)`, en: `Reading ${basename(path)} (${bytes.length} bytes)` });
  const parsed = await parseStatsFile(bytes, { fileName: basename(path), ruleSet });
  progress.step({ vi: `Đã đọc ${parsed.rowCount} dòng số liệu`, en: `Read ${parsed.rowCount} data rows` });
  return { fileName: basename(path), bytes, parsed };
}

/** "Dòng 5, cột "Số hồ sơ trễ hạn": …" — one line per issue, both languages, chosen one first. */
export function formatSheetIssue(issue: SheetIssue, lang: Lang): string {
  const where = {
    vi: [issue.row !== null ? `Dòng ${issue.row}` : 'Cả tệp', issue.column !== null ? `cột "${issue.column}"` : null]
      .filter(Boolean)
      .join(', '),
    en: [issue.row !== null ? `Row ${issue.row}` : 'Whole file', issue.column !== null ? `column "${issue.column}"` : null]
      .filter(Boolean)
      .join(', '),
  };
  const first = lang === 'vi' ? `${where.vi}: ${issue.message.vi}` : `${where.en}: ${issue.message.en}`;
  const second = lang === 'vi' ? `${where.en}: ${issue.message.en}` : `${where.vi}: ${issue.message.vi}`;
  return `${first}\n    ${second}  [${issue.code}]`;
}

/** Refuses a statistics file with issues: every issue on stderr, exit code 1. */
export function refuseIfIssues(stats: LoadedStats, lang: Lang): void {
  const { issues } = stats.parsed;
  if (issues.length === 0) return;
  throw new UserError(
    {
      vi: `Tệp số liệu "${stats.fileName}" có ${issues.length} lỗi; không tính điểm`,
      en: `the statistics file "${stats.fileName}" has ${issues.length} problem(s); nothing was scored`,
    },
    issues.map((i) => `  ✘ ${formatSheetIssue(i, lang)}`),
  );
}
