import { isVersion1, upgradeRuleSet, validateRuleSet, validateUnits, type RuleSet } from '@thidua/scoring';
import { issuesByPath, locateJson, type PlacedProblem } from './json-position.js';
import { checkRoster, matchRoster, withRosterNames } from './roster.js';
import { textProblem } from './text.js';
import type { ParsedStats, RosterEntry, SheetIssue } from './parse.js';

/**
 * The JSON files officials edit or upload — a rule set, a campaign file (rule set and roster), a
 * list of units — read with every problem placed on its line and column.
 */

const campaignKeys = new Set(['id', 'ruleSet', 'roster']);

/** Campaign ids, as they appear in addresses: lowercase ASCII letters, digits, "-". */
export const campaignIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A campaign: its rule set and roster, and the id it is to have (else the rule set's). */
export interface CampaignFile {
  id?: string;
  ruleSet: RuleSet;
  roster: RosterEntry[];
}

/**
 * A campaign file `{ id?, ruleSet, roster: [{ id, name, group }] }` (docs/adopting.md): the rule set
 * checked by the library, the roster by the leaderboard's rules (ASCII ids, unique, known groups).
 */
export function checkCampaignText(
  text: string,
  opts: { upgrade: boolean } = { upgrade: false },
): { rules: CampaignFile | null; problems: PlacedProblem[]; warnings: PlacedProblem[]; upgraded: boolean } {
  const located = locateJson(text);
  if (located.syntaxErrors.length > 0) return { rules: null, problems: located.syntaxErrors, warnings: [], upgraded: false };
  const top = located.value;
  const problems: PlacedProblem[] = [];
  const place = (path: (string | number)[], message: { vi: string; en: string }) =>
    problems.push(...issuesByPath(located, [{ path: ['campaign', ...path], code: 'invalid_campaign', message }]));
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    place([], { vi: 'Tệp chiến dịch phải là một đối tượng { ruleSet, roster }', en: 'A campaign file is an object { ruleSet, roster }' });
    return { rules: null, problems, warnings: [], upgraded: false };
  }
  const { ruleSet: rawRuleSet, roster: rawRoster, id: rawId } = top as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!campaignKeys.has(key)) place([key], { vi: `Trường "${key}" không thuộc tệp chiến dịch (chỉ có id, ruleSet, roster)`, en: `unknown key "${key}": a campaign file has id, ruleSet and roster only` });
  }
  if (rawId !== undefined && (typeof rawId !== 'string' || !campaignIdPattern.test(rawId))) {
    place(['id'], { vi: 'Mã chiến dịch: chữ thường không dấu, chữ số và "-"', en: 'Campaign id: lowercase ASCII letters, digits and "-"' });
  }
  const upgraded = opts.upgrade && isVersion1(rawRuleSet);
  const result = opts.upgrade ? upgradeRuleSet(rawRuleSet) : validateRuleSet(rawRuleSet);
  problems.push(...issuesByPath(located, result.errors.map((e) => ({ ...e, path: ['campaign', 'ruleSet', ...e.path] }))));
  if (result.ruleSet) problems.push(...issuesByPath(located, titleProblems(result.ruleSet).map((e) => ({ ...e, path: ['campaign', 'ruleSet', ...e.path] }))));
  const roster: RosterEntry[] = [];
  if (!Array.isArray(rawRoster) || rawRoster.length === 0) {
    place(['roster'], { vi: 'Thiếu danh sách đơn vị "roster" (một mảng { id, name, group })', en: 'Missing "roster" (an array of { id, name, group })' });
  } else if (result.ruleSet) {
    const entries = rawRoster.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>);
    for (const p of checkRoster(entries, result.ruleSet)) place(['roster', p.index, p.field], p.message);
    for (const u of entries) {
      if (typeof u.id === 'string' && typeof u.name === 'string' && typeof u.group === 'string') roster.push({ id: u.id, name: u.name.trim(), group: u.group });
    }
  }
  if (problems.length > 0 || !result.ruleSet) return { rules: null, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column), warnings: [], upgraded };
  const warnings = issuesByPath(located, result.warnings.map((w) => ({ ...w, path: ['campaign', 'ruleSet', ...w.path] })));
  return { rules: { ...(typeof rawId === 'string' ? { id: rawId } : {}), ruleSet: result.ruleSet, roster }, problems: [], warnings, upgraded };
}


/**
 * Parses and validates a rules.json text; every problem with its line and column. With `upgrade`, a
 * version 1 rule set is converted (and said to be); without, it is refused with the way to convert it.
 */
export function checkRuleSetText(
  text: string,
  opts: { upgrade: boolean } = { upgrade: false },
): { ruleSet: RuleSet | null; problems: PlacedProblem[]; warnings: PlacedProblem[]; upgraded: boolean } {
  const located = locateJson(text);
  if (located.syntaxErrors.length > 0) return { ruleSet: null, problems: located.syntaxErrors, warnings: [], upgraded: false };
  const upgraded = opts.upgrade && isVersion1(located.value);
  const result = opts.upgrade ? upgradeRuleSet(located.value) : validateRuleSet(located.value);
  const unsafe = result.ruleSet ? titleProblems(result.ruleSet).map((e) => ({ ...e, path: ['ruleSet', ...e.path] })) : [];
  // The source's own disagreements (a stated maximum that is not its parts' sum), each at its line.
  const warnings = issuesByPath(located, result.warnings);
  if (result.ok && result.ruleSet && unsafe.length === 0) return { ruleSet: result.ruleSet, problems: [], warnings, upgraded };
  return { ruleSet: null, problems: issuesByPath(located, [...result.errors, ...unsafe]), warnings: [], upgraded };
}

/**
 * The titles every page, export and audit line shows — the rule set's title and authority, each
 * group's name and short name — hold no line break, control, bidi or invisible character.
 */
function titleProblems(ruleSet: RuleSet): { path: (string | number)[]; code: string; message: { vi: string; en: string } }[] {
  const texts: [(string | number)[], { vi: string; en: string }][] = [
    [['title'], ruleSet.title],
    [['authority'], ruleSet.authority],
    ...ruleSet.groups.flatMap((g, i): [(string | number)[], { vi: string; en: string }][] => [
      [['groups', i, 'name'], g.name],
      [['groups', i, 'shortName'], g.shortName],
    ]),
  ];
  return texts.flatMap(([path, text]) =>
    (['vi', 'en'] as const).flatMap((lang) => {
      const p = textProblem(text[lang], { field: { vi: `"${[...path, lang].join('.')}"`, en: `"${[...path, lang].join('.')}"` } });
      return p ? [{ path: [...path, lang], code: 'unsafe_text', message: p.message }] : [];
    }),
  );
}


/**
 * A JSON statistics file: the units as the library reads them, every problem with the line and
 * column of the unit or field (`row` is the line; `column` the path and position), the roster
 * checked as for a sheet.
 */
export function parseUnitsJson(text: string, rules: { ruleSet: RuleSet; roster?: readonly RosterEntry[] | undefined }): ParsedStats {
  const located = locateJson(text);
  const issue = (line: number, column: string, field: string | null, code: string, message: { vi: string; en: string }): SheetIssue => ({
    row: line,
    column,
    field,
    code,
    message,
  });
  const refuse = (issues: SheetIssue[], warnings: SheetIssue[] = [], rowCount = 0): ParsedStats => ({ format: 'json', units: [], issues, warnings, rowCount });
  if (located.syntaxErrors.length > 0) return refuse(located.syntaxErrors.map((p) => issue(p.line, `${p.line}:${p.column}`, null, p.code ?? 'json_syntax', p.message)));
  const value = located.value;
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? (value as { units?: unknown }).units : undefined;
  const base: (string | number)[] = Array.isArray(value) ? [] : ['units'];
  const place = (issues: { path: (string | number)[]; code: string; message: { vi: string; en: string } }[]): SheetIssue[] =>
    issuesByPath(located, issues.map((i) => ({ ...i, path: [...base, ...i.path] }))).map((p, k) => {
      const raw = issues[k];
      const field = typeof raw?.path[1] === 'string' ? raw.path[1] : null;
      return issue(p.line, `${p.path || '(gốc / root)'} @ ${p.line}:${p.column}`, field, raw?.code ?? 'invalid', p.message);
    });
  if (!Array.isArray(list)) {
    return refuse([issue(1, '1:1', null, 'not_a_list', { vi: 'Tệp JSON phải là danh sách đơn vị, hoặc { "units": [...] }', en: 'The JSON file must be a list of units, or { "units": [...] }' })]);
  }
  const validation = validateUnits(list, rules.ruleSet);
  const issues = place(validation.errors);
  const warnings = place(validation.warnings);
  if (validation.ok && rules.roster) {
    // The same roster check as a sheet's: a JSON file can neither rename a unit nor move its group.
    for (const m of matchRoster(validation.units, rules.roster, rules.ruleSet)) {
      if (m.index === null) issues.push(issue(1, '(gốc / root)', m.field, m.code, m.message));
      else issues.push(...place([{ path: [m.index, m.field], code: m.code, message: m.message }]));
    }
  }
  if (issues.length > 0) return refuse(issues, warnings, list.length);
  const units = rules.roster ? withRosterNames(validation.units, rules.roster) : validation.units;
  return { format: 'json', units, issues: [], warnings, rowCount: list.length };
}

