/**
 * The rule set and unit schemas as published artefacts, the version, and the package's promise to
 * stay isomorphic and pure (no Node built-ins; fraction.js only behind src/arithmetic/exact.ts; no
 * module-level variables).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  evaluate,
  getPreset,
  nuiThanh2023,
  presets,
  ruleSetJsonSchema,
  ruleSetSchema,
  ScoringInputError,
  unitsJsonSchema,
  upgradeRuleSet,
  validateRuleSet,
  VERSION,
} from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(packageDir, 'src');

const sampleUnits = [
  { id: 'tam-xuan-1', name: 'Xã Tam Xuân I', group: 'communes', resolvedTotal: 2000, resolvedOnline: 1400, resolvedOnlineOnTime: 1380, resolvedLate: 20 },
  {
    id: 'tu-phap',
    name: 'Phòng Tư pháp',
    group: 'departments',
    resolvedTotal: 150,
    resolvedOnline: 120,
    resolvedOnlineOnTime: 120,
    resolvedLate: 0,
    resolvedOnlineFull: 100,
    resolvedOnlinePartial: 20,
  },
];

/** A JSON Schema read by an interpreter (zod's JSON Schema reader), not by the zod schema it came from. */
function fromJsonSchema(schema: Record<string, unknown>) {
  return z.fromJSONSchema(JSON.parse(JSON.stringify(schema)) as Parameters<typeof z.fromJSONSchema>[0]);
}

describe('the Núi Thành 2023 preset', () => {
  test('validates against ruleSetSchema and validateRuleSet', () => {
    expect(ruleSetSchema.safeParse(nuiThanh2023).success).toBe(true);
    const v = validateRuleSet(nuiThanh2023);
    expect(v.errors).toEqual([]);
    expect(v.ok).toBe(true);
  });

  test('is plain JSON and is listed among the presets', () => {
    expect(JSON.parse(JSON.stringify(nuiThanh2023))).toStrictEqual(nuiThanh2023);
    expect(getPreset('nui-thanh-2023')).toBe(nuiThanh2023);
    expect(presets['nui-thanh-2023']).toBe(nuiThanh2023);
    expect(getPreset('no-such-campaign')).toBeUndefined();
  });

  test('is exactly the version 1 preset, converted: every figure, citation and policy carried over', () => {
    const v1 = JSON.parse(readFileSync(new URL('./fixtures/nui-thanh-2023.v1.json', import.meta.url), 'utf8'));
    expect(validateRuleSet(v1).errors.map((e) => e.code)).toEqual(['rule_set_version_1']);
    const converted = upgradeRuleSet(v1);
    expect(converted.errors).toEqual([]);
    expect(converted.upgraded).toBe(true);
    expect(converted.ruleSet).toStrictEqual(JSON.parse(JSON.stringify(nuiThanh2023)));
  });

  test('carries the plan’s figures: period, floors, brackets, prizes in đồng', () => {
    expect(nuiThanh2023.period).toEqual({ start: '2023-06-01', end: '2023-12-31', timeZone: 'Asia/Ho_Chi_Minh' });
    const byId = Object.fromEntries(nuiThanh2023.groups.map((g) => [g.id, g]));
    const floors = (id: string) => byId[id]?.eligibility?.conditions.map((c) => [c.metric, c.op, c.value]);
    expect(floors('departments')).toEqual([
      ['onlineShare', '>=', '70'],
      ['onlineCases', '>=', '100'],
    ]);
    expect(floors('communes')).toEqual([['onlineShare', '>=', '65']]);
    const prizes = (id: string) => byId[id]?.prizes?.map((p) => [p.id, p.count, p.amountVnd, p.conditions?.[0]?.value ?? null]);
    expect(prizes('departments')).toEqual([
      ['first', 1, 3_500_000, '70'],
      ['second', 1, 2_500_000, null],
      ['third', 1, 2_000_000, null],
    ]);
    expect(prizes('communes')).toEqual([
      ['first', 1, 7_000_000, '70'],
      ['second', 1, 4_500_000, null],
      ['third', 1, 3_000_000, null],
      ['encouragement', 2, 2_000_000, null],
    ]);
    const adjustment = (id: string) => nuiThanh2023.score?.adjustments.find((a) => a.id === id);
    const coefficient = adjustment('coefficient');
    expect(coefficient?.kind === 'multiplier' && coefficient.brackets.map((b) => [b.from, b.value])).toEqual([
      ['0', '0.1'], ['300', '0.2'], ['600', '0.3'], ['900', '0.4'], ['1200', '0.5'],
      ['1500', '0.6'], ['1800', '0.7'], ['2100', '0.8'], ['2400', '0.9'], ['2700', '1'],
    ]);
    expect(adjustment('deduction')).toMatchObject({ metric: 'lateShare', per: '1', points: '1', max: '5', mode: 'proportional' });
    expect(adjustment('floorAtZero')).toMatchObject({ kind: 'floor', at: '0' });
    expect(nuiThanh2023.score?.criteria).toMatchObject({ id: 'base', max: '100', score: { kind: 'linear', metric: 'onTimeShare' } });
    expect(nuiThanh2023.score?.rounding).toMatchObject({ decimals: 2, mode: 'half-up' });
    expect(nuiThanh2023.score?.combination?.mode).toBe('deduct-then-multiply');
    expect(nuiThanh2023.prizePolicy?.mode).toBe('best-qualified');
    expect(nuiThanh2023.ranking?.ties).toEqual([
      { metric: 'onlineShare', order: 'desc' },
      { metric: 'onlineCases', order: 'desc' },
    ]);
    expect(nuiThanh2023.moves?.[0]?.adds).toEqual({ resolvedTotal: 1, resolvedOnline: 1, resolvedOnlineOnTime: 1 });
  });

  test('every threshold, amount, bracket and criterion carries a citation quoting the plan', () => {
    const citations: { section: string; text: string }[] = [];
    const walk = (v: unknown, key: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') {
        if (/citation$/i.test(key)) citations.push(v as { section: string; text: string });
        for (const [k, x] of Object.entries(v)) walk(x, k);
      }
    };
    walk(nuiThanh2023, '');
    const rs = nuiThanh2023;
    // The criterion, every adjustment, the rounding, ranking, prize policy; each group, its floors, prizes and floor prizes.
    expect(rs.score?.criteria.citation).toBeDefined();
    for (const a of rs.score?.adjustments ?? []) expect(a.citation, a.id).toBeDefined();
    for (const g of rs.groups) {
      expect(g.eligibility?.citation).toBeDefined();
      for (const p of g.prizes ?? []) expect(p.citation).toBeDefined();
    }
    expect(citations.length).toBeGreaterThanOrEqual(20);
    for (const c of citations) {
      expect(c.section).toMatch(/^[IVX]+(\.\d+)*(\.[a-z])?$/);
      expect(c.text.length).toBeGreaterThan(10);
    }
  });

  test('a broken rule set is refused by evaluate with a path into the rule set, in both languages', () => {
    const broken = structuredClone(nuiThanh2023);
    const coefficient = broken.score?.adjustments[1];
    if (coefficient?.kind === 'multiplier') (coefficient.brackets[1] as { from: string }).from = '0';
    expect(validateRuleSet(broken).ok).toBe(false);
    let thrown: unknown;
    try {
      evaluate(sampleUnits, broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScoringInputError);
    const issue = (thrown as ScoringInputError).issues[0];
    expect(issue?.path).toEqual(['score', 'adjustments', 1, 'brackets', 1, 'from']);
    expect(issue?.message.vi).toContain('tăng dần');
    expect(issue?.message.en).toContain('increasing');
  });

  test.each([
    ['a misspelt key', (r: Record<string, unknown>) => ((r.score as Record<string, unknown>).roundng = {}), 'roundng', 'rounding'],
    ['a misspelt policy name', (r: Record<string, unknown>) => ((r.prizePolicy as Record<string, unknown>).mode = 'best-qualifed'), 'best-qualifed', 'best-qualified'],
    ['a misspelt kind', (r: Record<string, unknown>) => (((r.score as { adjustments: Record<string, unknown>[] }).adjustments[0] as Record<string, unknown>).kind = 'deducton'), 'deducton', 'deduction'],
  ])('%s is an error that names it and says what was meant, in Vietnamese and English', (_, spoil, wrong, meant) => {
    const rs = structuredClone(nuiThanh2023) as unknown as Record<string, unknown>;
    spoil(rs);
    const v = validateRuleSet(rs);
    expect(v.ok).toBe(false);
    const message = v.errors[0]?.message;
    expect(message?.vi).toContain(wrong);
    expect(message?.vi).toContain(`có phải "${meant}"`);
    expect(message?.en).toContain(`did you mean "${meant}"`);
    expect(message?.vi).not.toMatch(/\b(must|expected|Invalid)\b/);
  });
});

describe('published JSON Schemas', () => {
  test('the unit list schema is a draft 2020-12 array of strict objects whose fields are the rule set’s inputs', () => {
    const schema = unitsJsonSchema(nuiThanh2023);
    expect(JSON.parse(JSON.stringify(schema))).toStrictEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('array');
    const items = schema.items as { type: string; properties: Record<string, { type: string; minimum?: number; enum?: string[] }>; required: string[]; additionalProperties: unknown };
    expect(items.type).toBe('object');
    expect(items.additionalProperties).toBe(false);
    expect([...items.required].sort()).toEqual(['id', 'name', 'group', 'resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate'].sort());
    expect(items.properties.group?.enum).toEqual(['departments', 'communes']);
    for (const f of ['resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate', 'resolvedOnlineFull', 'resolvedOnlinePartial']) {
      expect(items.properties[f]?.type, f).toBe('integer');
      expect(items.properties[f]?.minimum, f).toBe(0);
    }
    expect(String(schema.description)).toContain('resolvedOnlineOnTime <= resolvedOnline');
  });

  test('the unit list schema, read back as JSON Schema, accepts a sample and refuses bad units', () => {
    const read = fromJsonSchema(unitsJsonSchema(nuiThanh2023));
    expect(read.safeParse(sampleUnits).success).toBe(true);
    expect(read.safeParse([]).success).toBe(true);
    const bad = (patch: Record<string, unknown>) => [{ ...sampleUnits[0], ...patch }];
    expect(read.safeParse(bad({ resolvedLate: -1 })).success).toBe(false);
    expect(read.safeParse(bad({ resolvedOnline: 12.5 })).success).toBe(false);
    expect(read.safeParse(bad({ resolvedTotal: '2000' })).success).toBe(false);
    expect(read.safeParse(bad({ id: '' })).success).toBe(false);
    expect(read.safeParse(bad({ ward: 'Tam Xuân' })).success).toBe(false);
    const { resolvedTotal: _dropped, ...missing } = sampleUnits[0] as Record<string, unknown>;
    expect(read.safeParse([missing]).success).toBe(false);
    expect(read.safeParse(sampleUnits[0]).success).toBe(false);
  });

  test('the rule set schema, read back as JSON Schema, accepts every preset and refuses broken ones', () => {
    const schema = ruleSetJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toStrictEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['id', 'period', 'inputs', 'metrics', 'score', 'groups']));
    const read = fromJsonSchema(schema);
    for (const preset of Object.values(presets)) expect(read.safeParse(JSON.parse(JSON.stringify(preset))).success, preset.id).toBe(true);

    const floatValue = structuredClone(nuiThanh2023) as unknown as { score: { adjustments: { brackets?: { value: unknown }[] }[] } };
    ((floatValue.score.adjustments[1]?.brackets ?? [])[0] as { value: unknown }).value = 0.1;
    expect(read.safeParse(floatValue).success).toBe(false);

    const fractionalPrize = structuredClone(nuiThanh2023);
    ((fractionalPrize.groups[0]?.prizes ?? [])[0] as { amountVnd: number }).amountVnd = 3_500_000.5;
    expect(read.safeParse(fractionalPrize).success).toBe(false);

    const noCitation = structuredClone(nuiThanh2023) as unknown as { score: { criteria: Record<string, unknown> } };
    delete noCitation.score.criteria.citation;
    expect(read.safeParse(noCitation).success).toBe(false);
  });
});

describe('the package', () => {
  test('VERSION equals package.json’s version', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mts|cts|js|mjs)$/.test(name) ? [path] : [];
    });
  const files = sourceFiles(srcDir);

  /** Module specifiers of import/export-from/dynamic import/require, comments removed first. */
  const specifiers = (code: string): string[] => {
    const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const found: string[] = [];
    const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
    for (const m of stripped.matchAll(re)) found.push(m[2] as string);
    return found;
  };

  test('src is found and read', () => {
    expect(files.map((f) => relative(srcDir, f))).toEqual(expect.arrayContaining(['index.ts', 'arithmetic/exact.ts', 'evaluate.ts']));
    expect(specifiers(readFileSync(join(srcDir, 'arithmetic/exact.ts'), 'utf8'))).toContain('fraction.js');
  });

  test('no file under src imports a Node built-in', () => {
    const builtins = new Set(builtinModules);
    const offenders = files.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => s.startsWith('node:') || builtins.has(s) || builtins.has(s.split('/')[0] as string))
        .map((s) => `${relative(srcDir, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  test('no file under src uses Node-only globals', () => {
    const offenders = files.flatMap((f) => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      return [/\bprocess\.\w/, /\bBuffer\./, /\b__dirname\b/, /\b__filename\b/, /\brequire\(/]
        .filter((re) => re.test(code))
        .map((re) => `${relative(srcDir, f)}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });

  test('only src/arithmetic/exact.ts imports the exact-arithmetic library, only decimal-text.ts the decimal one, and only bundle.ts the SHA-256 one', () => {
    const importersOf = (pkg: string) =>
      files.filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s === pkg || s.startsWith(`${pkg}/`))).map((f) => relative(srcDir, f));
    expect(importersOf('fraction.js')).toEqual(['arithmetic/exact.ts']);
    expect(importersOf('@noble/hashes')).toEqual(['bundle.ts']);
    expect(importersOf('decimal.js')).toEqual(['arithmetic/decimal-text.ts']);
  });

  test('no module keeps a variable: helpers return what they computed (constants and tables only)', () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => /^(export\s+)?(let|var)\s/.test(line))
        .map(([line, n]) => `${relative(srcDir, f)}:${n}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
