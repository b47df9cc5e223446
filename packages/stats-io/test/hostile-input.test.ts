import { nuiThanh2023 } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { checkCampaignText, checkRoster, checkRuleSetText, parseStatsFile, parseUnitsJson, textProblem } from '../src/index.js';
import { csvBytes, keyHeader, roster, ruleSet, unitRow, units, xlsxBytes } from './fixtures.js';

/** Issue 17: what a hostile or careless file could do before, refused the same way in every format. */

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('one roster check for every format', () => {
  // Xã Tam Hiệp (a commune) written into the departments' group; Phòng Nội vụ renamed.
  const moved = units.map((u) =>
    u.id === 'tam-hiep' ? { ...u, group: 'departments' } : u.id === 'phong-noi-vu' ? { ...u, name: 'Phòng Nội vụ (đã đổi tên)' } : u,
  );
  const csv = csvBytes([keyHeader.join(','), ...moved.map((u) => unitRow(u).join(','))]);

  it('a JSON upload cannot move a unit to another group or rename it', () => {
    const result = parseUnitsJson(JSON.stringify(moved, null, 2), { ruleSet, roster });
    expect(result.units).toEqual([]);
    expect(codes(result.issues).sort()).toEqual(['group_mismatch', 'name_mismatch']);
    const group = result.issues.find((i) => i.code === 'group_mismatch');
    expect(group?.field).toBe('group');
    expect(group?.message.vi).toContain('tam-hiep');
    expect(group?.message.vi).toContain('Nhóm 2');
    expect(group?.column).toMatch(/^\[\d+\]\.group @ \d+:\d+$/);
  });

  it('the same contradiction gets the same refusal in CSV, XLSX and JSON', async () => {
    const fromCsv = await parseStatsFile(csv, { ruleSet, roster });
    const fromXlsx = await parseStatsFile(await xlsxBytes([keyHeader, ...moved.map(unitRow)]), { ruleSet, roster });
    const fromJson = parseUnitsJson(JSON.stringify({ units: moved }), { ruleSet, roster });
    const said = (r: { issues: { code: string; message: { en: string } }[] }) => r.issues.map((i) => `${i.code}: ${i.message.en.replace(/"departments"|"Nhóm 1"/, 'G')}`).sort();
    expect(said(fromCsv)).toEqual(said(fromXlsx));
    expect(said(fromJson)).toEqual(said(fromCsv));
  });

  it('a JSON file missing a unit or naming a stranger is refused like a sheet', () => {
    const list = [...units.slice(1), { ...units[0]!, id: 'tam-ky', name: 'Xã Tam Kỳ' }];
    const result = parseUnitsJson(JSON.stringify(list), { ruleSet, roster });
    expect(codes(result.issues).sort()).toEqual(['missing_unit', 'unknown_unit']);
  });

  it('the roster\u2019s spelling wins over a JSON file\u2019s letter case', () => {
    const list = units.map((u) => (u.id === 'tam-hiep' ? { ...u, name: 'XÃ TAM HIỆP' } : u));
    const result = parseUnitsJson(JSON.stringify(list), { ruleSet, roster });
    expect(result.issues).toEqual([]);
    expect(result.units.find((u) => u.id === 'tam-hiep')?.name).toBe('Xã Tam Hiệp');
  });
});

describe('JSON nested too deeply or too large is refused before parsing', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('a 20,000-level unit list is json_too_deep, not a stack overflow', () => {
    const result = parseUnitsJson(deep(20_000), { ruleSet, roster });
    expect(result.issues).toEqual([expect.objectContaining({ code: 'json_too_deep', row: 1 })]);
    expect(result.issues[0]?.message.vi).toContain('quá sâu');
    expect(result.issues[0]?.message.en).toContain('nested too deeply');
  });

  it('a 20,000-level rule set or campaign file is refused on its line', () => {
    const ruleSetText = `{\n  "title": ${deep(20_000)}\n}`;
    const rules = checkRuleSetText(ruleSetText);
    expect(rules.ruleSet).toBeNull();
    expect(rules.problems).toEqual([expect.objectContaining({ code: 'json_too_deep', line: 2 })]);
    const campaign = checkCampaignText(`{"ruleSet": ${deep(20_000)}, "roster": []}`);
    expect(campaign.rules).toBeNull();
    expect(campaign.problems[0]?.code).toBe('json_too_deep');
  });

  it('brackets inside strings do not count; the presets are far from the limit', () => {
    expect(parseUnitsJson(JSON.stringify([{ ...units[0], name: '['.repeat(500) }]), { ruleSet }).issues.map((i) => i.code)).not.toContain('json_too_deep');
    expect(checkRuleSetText(JSON.stringify(nuiThanh2023)).problems).toEqual([]);
  });

  it('a text over the size limit is json_too_large', () => {
    const result = parseUnitsJson(JSON.stringify(units), { ruleSet, roster });
    expect(result.issues).toEqual([]);
    const rules = checkRuleSetText(' '.repeat(21 * 1024 * 1024));
    expect(rules.problems).toEqual([expect.objectContaining({ code: 'json_too_large' })]);
  });
});

describe('names refuse what a person cannot see', () => {
  const cases: [string, string, string | null][] = [
    ['a clean Vietnamese name', 'Xã Tam Hiệp', null],
    ['a right-to-left override', 'Xã Tam \u202eHiệp', 'bidi_control'],
    ['a left-to-right isolate', 'Xã \u2066Tam', 'bidi_control'],
    ['a zero-width space', 'Xã Tam\u200bHiệp', 'invisible_character'],
    ['a zero-width joiner', 'Nguyễn\u200dVăn', 'invisible_character'],
    ['a byte-order mark', '\ufeffNguyễn', 'invisible_character'],
    ['a line feed', 'Nguyen\n=1+2', 'line_break'],
    ['a carriage return', 'Nguyen\r=1+2', 'line_break'],
    ['a line separator', 'Nguyen\u2028B', 'line_break'],
    ['a NUL', 'Nguyen\u0000', 'control_character'],
    ['a tab', 'Nguyen\tB', 'control_character'],
  ];
  it.each(cases)('%s', (_name, text, kind) => {
    const problem = textProblem(text, { field: { vi: 'Tên', en: 'The name' } });
    expect(problem?.kind ?? null).toBe(kind);
    if (problem) {
      expect(problem.message.vi).toMatch(/^Tên chứa .+ \(U\+[0-9A-F]{4}\)/);
      expect(problem.message.en).toMatch(/^The name contains .+ \(U\+[0-9A-F]{4}\)/);
    }
  });

  it('line breaks are allowed where many lines are meant, bidi controls never', () => {
    expect(textProblem('dòng 1\r\ndòng 2', { lines: 'many' })).toBeNull();
    expect(textProblem('dòng 1\n\u202edòng 2', { lines: 'many' })?.kind).toBe('bidi_control');
  });

  it('a roster name with a bidi override is refused with its row and field', () => {
    const problems = checkRoster([{ id: 'a', name: 'Xã \u202eA', group: 'communes' }], ruleSet);
    expect(problems).toEqual([expect.objectContaining({ index: 0, field: 'name', code: 'unsafe_text' })]);
    expect(problems[0]?.message.vi).toContain('U+202E');
  });
});

describe('rule set titles', () => {
  it('a title or group name with a bidi override is refused on its line, in a rule set and a campaign file', () => {
    const bad = { ...nuiThanh2023, title: { ...nuiThanh2023.title, vi: 'Thi đua \u202eDVC' } };
    const rules = checkRuleSetText(JSON.stringify(bad, null, 2));
    expect(rules.ruleSet).toBeNull();
    expect(rules.problems).toEqual([expect.objectContaining({ path: 'title.vi', line: expect.any(Number) })]);
    expect(rules.problems[0]?.message.en).toContain('U+202E');
    const groups = nuiThanh2023.groups.map((g, i) => (i === 1 ? { ...g, shortName: { vi: 'Nhóm\u200b2', en: 'Group 2' } } : g));
    const campaign = checkCampaignText(JSON.stringify({ ruleSet: { ...nuiThanh2023, groups }, roster }, null, 2));
    expect(campaign.rules).toBeNull();
    expect(campaign.problems.map((p) => p.path)).toEqual(['ruleSet.groups[1].shortName.vi']);
  });
});
