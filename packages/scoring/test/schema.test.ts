/**
 * The rule set and unit schemas as published artefacts, the version, and the package's promise to
 * stay isomorphic (no Node built-ins; decimal.js only behind src/decimal.ts).
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

  test('carries the plan’s figures: period, floors, brackets, prizes in đồng', () => {
    expect(nuiThanh2023.period).toEqual({ start: '2023-06-01', end: '2023-12-31', timeZone: 'Asia/Ho_Chi_Minh' });
    const byId = Object.fromEntries(nuiThanh2023.groups.map((g) => [g.id, g]));
    expect(byId.departments?.eligibility).toMatchObject({ minOnlineSharePercent: '70', minResolvedOnline: 100 });
    expect(byId.communes?.eligibility).toMatchObject({ minOnlineSharePercent: '65', minResolvedOnline: 0 });
    const prizes = (id: string) => byId[id]?.prizes.map((p) => [p.id, p.count, p.amountVnd, p.minOnlineSharePercent ?? null]);
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
    expect(nuiThanh2023.score.coefficient.brackets.map((b) => [b.minResolvedOnline, b.coefficient])).toEqual([
      [0, '0.1'], [300, '0.2'], [600, '0.3'], [900, '0.4'], [1200, '0.5'],
      [1500, '0.6'], [1800, '0.7'], [2100, '0.8'], [2400, '0.9'], [2700, '1'],
    ]);
    expect(nuiThanh2023.score.deduction).toMatchObject({ pointsPerPercent: '1', maxPoints: '5', mode: 'proportional' });
    expect(nuiThanh2023.score.rounding).toMatchObject({ decimals: 2, mode: 'half-up' });
    expect(nuiThanh2023.score.combination).toMatchObject({ mode: 'deduct-then-multiply', floorAtZero: true });
    expect(nuiThanh2023.prizePolicy.mode).toBe('best-qualified');
  });

  test('every citation names a plan section and quotes Vietnamese text', () => {
    const citations: { section: string; text: string }[] = [];
    const walk = (v: unknown, key: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') {
        if (/citation$/i.test(key)) citations.push(v as { section: string; text: string });
        for (const [k, x] of Object.entries(v)) walk(x, k);
      }
    };
    walk(nuiThanh2023, '');
    // score: base, deduction, coefficient, combination, rounding; ranking; prizePolicy; per group: group,
    // eligibility, prizes, prizesCitation (+ the first prize's floor).
    expect(citations.length).toBeGreaterThanOrEqual(7 + 2 * 4);
    for (const c of citations) {
      expect(c.section).toMatch(/^[IVX]+(\.\d+)*(\.[a-z])?$/);
      expect(c.text.length).toBeGreaterThan(10);
    }
  });

  test('a broken rule set is refused by evaluate with a path into the rule set', () => {
    const broken = structuredClone(nuiThanh2023);
    const first = broken.score.coefficient.brackets[0];
    if (first) first.minResolvedOnline = 1;
    expect(validateRuleSet(broken).ok).toBe(false);
    let thrown: unknown;
    try {
      evaluate(sampleUnits, broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScoringInputError);
    expect((thrown as ScoringInputError).issues.map((i) => i.path)).toContainEqual(
      expect.arrayContaining(['score', 'coefficient', 'brackets', 0, 'minResolvedOnline']),
    );
  });
});

describe('published JSON Schemas', () => {
  test('the unit list schema is a draft 2020-12 array of strict unit objects', () => {
    const schema = unitsJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toStrictEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('array');
    const items = schema.items as { type: string; properties: Record<string, { type: string; minimum?: number }>; required: string[]; additionalProperties: unknown };
    expect(items.type).toBe('object');
    expect(items.additionalProperties).toBe(false);
    expect([...items.required].sort()).toEqual(
      ['id', 'name', 'group', 'resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate'].sort(),
    );
    for (const f of ['resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate', 'resolvedOnlineFull', 'resolvedOnlinePartial']) {
      expect(items.properties[f]?.type, f).toBe('integer');
      expect(items.properties[f]?.minimum, f).toBe(0);
    }
  });

  test('the unit list schema, read back as JSON Schema, accepts a sample and refuses bad units', () => {
    const read = fromJsonSchema(unitsJsonSchema());
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

  test('the rule set schema, read back as JSON Schema, accepts the preset and refuses broken ones', () => {
    const schema = ruleSetJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toStrictEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['id', 'period', 'score', 'groups', 'prizePolicy']));
    const read = fromJsonSchema(schema);
    expect(read.safeParse(JSON.parse(JSON.stringify(nuiThanh2023))).success).toBe(true);

    const floatCoefficient = structuredClone(nuiThanh2023) as unknown as { score: { coefficient: { brackets: { coefficient: unknown }[] } } };
    (floatCoefficient.score.coefficient.brackets[0] as { coefficient: unknown }).coefficient = 0.1;
    expect(read.safeParse(floatCoefficient).success).toBe(false);

    const fractionalPrize = structuredClone(nuiThanh2023);
    (fractionalPrize.groups[0]?.prizes[0] as { amountVnd: number }).amountVnd = 3_500_000.5;
    expect(read.safeParse(fractionalPrize).success).toBe(false);

    const noCitation = structuredClone(nuiThanh2023) as unknown as { score: { base: Record<string, unknown> } };
    delete noCitation.score.base.citation;
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
    expect(files.map((f) => relative(srcDir, f))).toEqual(expect.arrayContaining(['index.ts', 'decimal.ts', 'evaluate.ts']));
    expect(specifiers(readFileSync(join(srcDir, 'decimal.ts'), 'utf8'))).toContain('decimal.js');
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

  test('only src/decimal.ts imports decimal.js', () => {
    const importers = files
      .filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s === 'decimal.js' || s.startsWith('decimal.js/')))
      .map((f) => relative(srcDir, f));
    expect(importers).toEqual(['decimal.ts']);
  });
});
