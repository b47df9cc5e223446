/**
 * The package as another district would get it: built from the current source, packed with
 * `npm pack`, installed from the tarball into a fresh project (fraction.js, @noble/hashes and zod
 * come from the registry), then imported by ESM and by CJS, type-checked by a TypeScript consumer,
 * and linted by publint and arethetypeswrong.
 *
 * The build runs in a temporary copy of the package, so this test never rewrites the shared
 * packages/scoring/dist that other packages of the workspace may be reading at the same moment.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workspaceDir = join(packageDir, '..', '..');
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name);
const tsc = join(workspaceDir, 'node_modules', '.bin', 'tsc');

let tmp = '';
let pkgCopy = '';
let consumer = '';
let tarball = '';
let esmBundleSha256 = '';

function run(cmd: string, args: string[], cwd: string, timeout = 180_000): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/** The figures the consumers print, so ESM and CJS can be compared with each other and with the hand values. */
const consumerScript = (importLine: string) => `${importLine}
const units = [
  { id: 'a', name: 'Xã Tam Xuân I', group: 'communes', resolvedTotal: 2000, resolvedOnline: 1301, resolvedOnlineOnTime: 1301, resolvedLate: 0 },
  { id: 'b', name: 'Xã Tam Xuân II', group: 'communes', resolvedTotal: 2000, resolvedOnline: 1400, resolvedOnlineOnTime: 1400, resolvedLate: 99 },
  { id: 'c', name: 'Phòng Tư pháp', group: 'departments', resolvedTotal: 99, resolvedOnline: 99, resolvedOnlineOnTime: 99, resolvedLate: 0 },
];
const ev = lib.evaluate(units, lib.nuiThanh2023);
let error = null;
try { lib.evaluate([{ ...units[0], resolvedOnlineOnTime: 1302 }], lib.nuiThanh2023); } catch (e) {
  error = { name: e.name, isScoringInputError: e instanceof lib.ScoringInputError, issues: e.issues.map((i) => [i.path, i.code]) };
}
// Award bundles hash without Web Crypto (a page served over plain HTTP has none).
delete globalThis.crypto;
const bundle = await lib.createAwardBundle(units, lib.nuiThanh2023);
const verified = await lib.verifyAwardBundle(bundle);
console.log(JSON.stringify({
  version: lib.VERSION,
  bundleSha256: bundle.input.sha256,
  bundleOk: verified.ok,
  units: ev.units.map((u) => [u.unitId, u.score, u.rank, u.prize && u.prize.id, u.eligible]),
  totalAwarded: ev.totalAwarded,
  error,
  unitsSchemaType: unitsSchema.type,
  ruleSetSchemaHasGroups: Boolean(ruleSetSchema.properties && ruleSetSchema.properties.groups),
}));
`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'thidua-scoring-pack-'));
  // A copy of the package at the same depth, so its tsconfig can still extend ../../tsconfig.base.json.
  pkgCopy = join(tmp, 'packages', 'scoring');
  mkdirSync(pkgCopy, { recursive: true });
  cpSync(join(workspaceDir, 'tsconfig.base.json'), join(tmp, 'tsconfig.base.json'));
  cpSync(join(workspaceDir, 'docs'), join(tmp, 'docs'), { recursive: true });
  for (const entry of ['src', 'scripts', 'package.json', 'tsup.config.ts', 'tsconfig.json', 'README.md', 'LICENSE']) {
    try {
      cpSync(join(packageDir, entry), join(pkgCopy, entry), { recursive: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  symlinkSync(join(packageDir, 'node_modules'), join(pkgCopy, 'node_modules'), 'dir');
  run('npm', ['run', 'build'], pkgCopy);

  const out = join(tmp, 'out');
  mkdirSync(out);
  run('npm', ['pack', '--pack-destination', out], pkgCopy);
  const tgz = readdirSync(out).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack wrote no tarball');
  tarball = join(out, tgz);

  consumer = join(tmp, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball], consumer, 300_000);
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed @thidua/scoring', () => {
  test('the tarball holds the build, the schemas and package.json — no sources or tests', () => {
    const listing = run('tar', ['-tzf', tarball], tmp).split('\n').filter(Boolean).sort();
    for (const file of [
      'package/package.json',
      'package/LICENSE',
      'package/README.md',
      'package/dist/index.js',
      'package/dist/index.cjs',
      'package/dist/index.d.ts',
      'package/dist/index.d.cts',
      'package/dist/schemas/rule-set.schema.json',
      'package/dist/schemas/units.nui-thanh-2023.schema.json',
      'package/docs/library.md',
    ]) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
  });

  const expected = {
    version: '0.2.0',
    bundleSha256: '',
    bundleOk: true,
    // a: 1301/2000 → 65.05 × 0.5 = 32.525 → 32.53, 65.05% < 70%: rank 1 but not the first prize.
    // b: (70 − 4.95) × 0.5 = 32.525 → 32.53, 70%: equal score, higher share → rank 1; a rank 2.
    // c: a department with 99 online cases: not eligible.
    units: [
      ['b', '32.53', 1, 'first', true],
      ['a', '32.53', 2, 'second', true],
      ['c', '10.00', null, null, false],
    ],
    totalAwarded: 11_500_000,
    error: {
      name: 'ScoringInputError',
      isScoringInputError: true,
      issues: [[[0, 'resolvedOnlineOnTime'], 'on_time_exceeds_online']],
    },
    unitsSchemaType: 'array',
    ruleSetSchemaHasGroups: true,
  };

  test('imports by ESM and evaluates', () => {
    const script = consumerScript(
      [
        "import * as lib from '@thidua/scoring';",
        "import unitsSchema from '@thidua/scoring/schemas/units.nui-thanh-2023.schema.json' with { type: 'json' };",
        "import ruleSetSchema from '@thidua/scoring/schemas/rule-set.schema.json' with { type: 'json' };",
      ].join('\n'),
    );
    const out = run('node', ['--input-type=module', '-e', script], consumer);
    const got = JSON.parse(out) as typeof expected;
    expect(got.bundleSha256).toMatch(/^[0-9a-f]{64}$/);
    expect({ ...got, bundleSha256: '', units: sortById(got.units) }).toEqual({ ...expected, units: sortById(expected.units) });
    expect(got.version).toBe(readVersion());
    esmBundleSha256 = got.bundleSha256;
  });

  test('requires by CJS and evaluates', () => {
    const script = consumerScript(
      [
        "const lib = require('@thidua/scoring');",
        "const unitsSchema = require('@thidua/scoring/schemas/units.nui-thanh-2023.schema.json');",
        "const ruleSetSchema = require('@thidua/scoring/schemas/rule-set.schema.json');",
        '(async () => {',
      ].join('\n'),
    ) + '})();';
    const out = run('node', ['-e', script], consumer);
    const got = JSON.parse(out) as typeof expected;
    // The same bundle hash whichever module system, with or without Web Crypto.
    expect(got.bundleSha256).toBe(esmBundleSha256);
    expect({ ...got, bundleSha256: '', units: sortById(got.units) }).toEqual({ ...expected, units: sortById(expected.units) });
    expect(run('node', ['-e', "console.log(typeof require('@thidua/scoring').evaluate)"], consumer).trim()).toBe('function');
  });

  const consumerTs = `import { evaluate, nuiThanh2023, ScoringInputError, type Evaluation, type UnitInput, type RuleSet } from '@thidua/scoring';
const units: UnitInput[] = [
  { id: 'a', name: 'Xã Tam Xuân I', group: 'communes', resolvedTotal: 10, resolvedOnline: 8, resolvedOnlineOnTime: 8, resolvedLate: 0 },
];
const rules: RuleSet = nuiThanh2023;
const ev: Evaluation = evaluate(units, rules, { policies: { prizes: 'vacate' }, gaps: false });
const score: string | null = ev.units[0]?.score ?? null;
const amount: number | undefined = ev.units[0]?.prize?.amount;
// @ts-expect-error the score is a string, never a number: the types must not be any
const wrong: number = ev.units[0]!.score;
// @ts-expect-error a policy outside the documented ones is a type error
evaluate(units, rules, { policies: { prizes: 'random' } });
export const used = [score, amount, wrong, ScoringInputError];
`;

  test.each([
    ['node16 (ESM)', 'consumer.mts', { module: 'node16', moduleResolution: 'node16' }],
    ['node16 (CJS)', 'consumer.cts', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', 'consumer.ts', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('a TypeScript consumer type-checks with moduleResolution %s', (_label, file, options) => {
    const dir = join(consumer, `ts-${file.replace('.', '-')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file), consumerTs);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          ...options,
          target: 'es2022',
          // The library is isomorphic; zod's own declarations name URL, which 'dom' provides.
          lib: ['es2022', 'dom'],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          types: [],
          skipLibCheck: false,
        },
        files: [file],
      }),
    );
    run(tsc, ['-p', join(dir, 'tsconfig.json')], dir);
  });

  test('a consumer that misuses the API fails to type-check (the check above can fail)', () => {
    const dir = join(consumer, 'ts-broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'broken.mts'), "import { evaluate } from '@thidua/scoring';\nexport const n: number = evaluate([], 'nui-thanh-2023');\n");
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: [] }, files: ['broken.mts'] }),
    );
    expect(() => run(tsc, ['-p', join(dir, 'tsconfig.json')], dir)).toThrow(/TS2345|TS2322/);
  });

  test('the published schema files are exactly what unitsJsonSchema() and ruleSetJsonSchema() return', async () => {
    const { unitsJsonSchema, ruleSetJsonSchema, presets } = await import('../src/index.js');
    const installed = join(consumer, 'node_modules', '@thidua', 'scoring', 'dist', 'schemas');
    for (const [id, rules] of Object.entries(presets)) {
      expect(JSON.parse(readFileSync(join(installed, `units.${id}.schema.json`), 'utf8')), id).toStrictEqual(unitsJsonSchema(rules));
    }
    expect(JSON.parse(readFileSync(join(installed, 'rule-set.schema.json'), 'utf8'))).toStrictEqual(ruleSetJsonSchema());
  });

  test('every link of the installed README and of its guides leads somewhere outside the repository: into the package, or a web address', () => {
    const installed = join(consumer, 'node_modules', '@thidua', 'scoring');
    const docs = readdirSync(join(installed, 'docs'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f));
    expect(docs).toEqual(expect.arrayContaining(['docs/library.md', 'docs/rules.md', 'docs/adopting.md', 'docs/errors.md']));
    for (const doc of ['README.md', ...docs]) {
      const text = readFileSync(join(installed, doc), 'utf8');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
      if (doc === 'README.md') expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        if (/^https?:\/\//.test(link) || link.startsWith('#')) continue;
        const target = join(installed, dirname(doc), link.split('#')[0] as string);
        expect(existsSync(target), `${doc}: ${link} resolves in the package`).toBe(true);
      }
    }
  });

  test('the package names its licence and repository', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules', '@thidua', 'scoring', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toMatchObject({ type: 'git', directory: 'packages/scoring' });
    expect(readFileSync(join(consumer, 'node_modules', '@thidua', 'scoring', 'LICENSE'), 'utf8')).toContain('MIT License');
  });

  test('publint reports nothing, not even a suggestion', () => {
    const out = run(bin('publint'), ['run', '--strict', '--level', 'suggestion', '--pack', 'npm', pkgCopy], tmp);
    expect(out).not.toMatch(/Suggestions?:|Warnings?:|Errors?:/);
  });

  test('arethetypeswrong finds no problem in the package entry, under every resolution', () => {
    // JSON subpaths cannot resolve under node10 (it has no "exports"); they are checked under node16 below.
    run(bin('attw'), ['--pack', pkgCopy, '--format', 'ascii', '--entrypoints', '.'], tmp);
  });

  test('arethetypeswrong finds no problem in any entry point under the node16 profile', () => {
    run(bin('attw'), ['--pack', pkgCopy, '--format', 'ascii', '--profile', 'node16'], tmp);
  });
});

function sortById<T extends unknown[]>(rows: T[]): T[] {
  return [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}
