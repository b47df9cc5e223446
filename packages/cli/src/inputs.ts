import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { getPreset, presets, type RuleSet } from '@thidua/scoring';
import { checkCampaignText, checkRuleSetText, parseStatsFile, parseUnitsJson, type ParsedStats, type RosterEntry, type SheetIssue } from '@thidua/stats-io';
import { both, Progress, UsageError, UserError, type Lang } from './output.js';

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
  const checked = checkRuleSetText(text, { upgrade: true });
  if (checked.ruleSet) {
    if (checked.upgraded) noteUpgraded(id, lang);
    return checked.ruleSet;
  }
  const lines = checked.problems.map((p) => `  ✘ ${id}:${p.line}:${p.column}  ${both(p.message, lang)}`);
  throw new UserError(
    {
      vi: `Tệp quy tắc "${id}" không hợp lệ (${lines.length} lỗi); kiểm tra bằng: thidua rules check ${id}`,
      en: `the rules file "${id}" is invalid (${lines.length} problem(s)); check it with: thidua rules check ${id}`,
    },
    lines,
  );
}

/** A version 1 rule set is read converted, and the user told how to keep the converted file. */
function noteUpgraded(path: string, lang: Lang): void {
  process.stderr.write(
    `! ${both(
      {
        vi: `${path} là bộ quy tắc phiên bản 1: đã chuyển sang phiên bản 2 để dùng. Lưu bản chuyển đổi bằng: thidua rules upgrade ${path} --out <tệp mới>`,
        en: `${path} is a version 1 rule set: converted to version 2 for this run. Save the converted file with: thidua rules upgrade ${path} --out <new file>`,
      },
      lang,
    )}
`,
  );
}

/** What a command scores against: a rule set, and the campaign's roster when a campaign file is given. */
export interface Rules {
  ruleSet: RuleSet;
  roster?: RosterEntry[];
}

/**
 * --rules (a preset id or rules.json) or --campaign (the leaderboard's campaign file: the rule set
 * and the roster, so that a sheet is checked exactly as the server will check it).
 */
export function loadRules(rules: string | undefined, campaign: string | undefined, lang: Lang, command: string): Rules {
  if (campaign === undefined) return { ruleSet: loadRuleSet(rules, lang) };
  if (rules !== undefined) {
    throw new UsageError(
      { vi: 'Chỉ dùng một trong --rules và --campaign (tệp chiến dịch đã chứa bộ quy tắc)', en: 'Use either --rules or --campaign (a campaign file holds its rule set)' },
      command,
    );
  }
  const text = new TextDecoder().decode(readInputFile(campaign, { vi: 'Tệp chiến dịch', en: 'Campaign file' }));
  const checked = checkCampaignText(text, { upgrade: true });
  if (checked.rules) {
    if (checked.upgraded) noteUpgraded(campaign, lang);
    return checked.rules;
  }
  throw new UserError(
    { vi: `Tệp chiến dịch "${campaign}" không hợp lệ (${checked.problems.length} lỗi)`, en: `the campaign file "${campaign}" is invalid (${checked.problems.length} problem(s))` },
    checked.problems.map((p) => `  ✘ ${campaign}:${p.line}:${p.column}  ${both(p.message, lang)}`),
  );
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

/**
 * Reads and checks a statistics file against the rule set: CSV or XLSX with @thidua/stats-io, or
 * JSON (a list of units, or `{ "units": [...] }`) with the library, its problems placed on lines.
 */
export async function loadStats(path: string, rules: Rules, progress: Progress): Promise<LoadedStats> {
  const bytes = readInputFile(path, { vi: 'Tệp số liệu', en: 'Statistics file' });
  progress.step({ vi: `Đang đọc ${basename(path)} (${bytes.length} byte)`, en: `Reading ${basename(path)} (${bytes.length} bytes)` });
  if (/\.json$/i.test(path)) return { fileName: basename(path), bytes, parsed: parseUnitsJson(new TextDecoder().decode(bytes), rules) };
  const parsed = await parseStatsFile(bytes, {
    fileName: basename(path),
    ruleSet: rules.ruleSet,
    ...(rules.roster ? { roster: rules.roster } : {}),
  });
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
