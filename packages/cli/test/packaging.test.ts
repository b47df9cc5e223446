import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, nuiThanh2023, type Evaluation, type UnitInput } from '@thidua/scoring';
import { parseStatsFile } from '@thidua/stats-io';
import { demoCampaign } from '../../../apps/leaderboard/src/demo/nui-thanh-2023.js';
import { repoDir, tempDir } from './helpers.js';

/**
 * Packaging proven from the outside: every publishable package is packed (`pnpm pack`, which
 * resolves workspace: versions), the tarballs are installed with npm in a temp project that knows
 * nothing of the workspace, and then the library is imported by ESM and CJS, a TypeScript consumer
 * is type-checked, the CLI runs through npx, and the library is bundled for the browser with
 * esbuild and evaluates the demo data in headless Chromium — the same figures as in Node.
 */

const publishable = ['packages/scoring', 'packages/cli'];
let project: string;
let units: UnitInput[];
let expected: Evaluation;
let demoCsvPath: string;
let scoringVersion: string;

function run(command: string, args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const packs = tempDir('packs');
  for (const dir of publishable) {
    const packageJson = JSON.parse(readFileSync(join(repoDir, dir, 'package.json'), 'utf8')) as { private?: boolean };
    expect(packageJson.private, `${dir} is publishable`).not.toBe(true);
    execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: join(repoDir, dir), stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz'));
  const versionOf = (dir: string) => (JSON.parse(readFileSync(join(repoDir, dir, 'package.json'), 'utf8')) as { version: string }).version;
  scoringVersion = versionOf('packages/scoring');
  expect(tarballs.sort()).toEqual([`thidua-cli-${versionOf('packages/cli')}.tgz`, `thidua-scoring-${scoringVersion}.tgz`]);

  project = tempDir('consumer');
  // The same pin as the workspace's root package.json: the registry reachable here lacks
  // typedarray.prototype.slice@^1.0.6, which traverse@0.3.10 (exceljs → unzipper → chainsaw) needs.
  const overrides = { traverse: '0.3.9' };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, overrides }, null, 2));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.map((t) => join(packs, t))], project);
  expect(install.code, install.stderr).toBe(0);

  const demo = demoCampaign();
  const last = demo.snapshots[demo.snapshots.length - 1];
  if (!last) throw new Error('the demo has no snapshot');
  demoCsvPath = join(project, 'so-lieu-minh-hoa.csv');
  writeFileSync(demoCsvPath, last.csv);
  const parsed = await parseStatsFile(last.csv, { fileName: 'demo.csv', ruleSet: nuiThanh2023 });
  units = parsed.units;
  expected = JSON.parse(JSON.stringify(evaluate(units, nuiThanh2023))) as Evaluation;
  writeFileSync(join(project, 'units.json'), JSON.stringify(units));
}, 600_000);

describe('installed from the packed tarballs with npm', () => {
  it('installs real packages, not workspace links; stats-io is bundled into the CLI, not required', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/@thidua/cli/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(installed.dependencies['@thidua/scoring']).toBe(scoringVersion);
    expect(Object.values(installed.dependencies).some((v) => v.startsWith('workspace:'))).toBe(false);
    expect(installed.dependencies['@thidua/stats-io']).toBeUndefined();
    expect(existsSync(join(project, 'node_modules/@thidua/stats-io'))).toBe(false);
    const cli = readFileSync(join(project, 'node_modules/@thidua/cli/dist/cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node')).toBe(true);
    expect(cli).not.toMatch(/from ["']@thidua\/stats-io["']/);
  });

  it('imports the library by ESM and by CJS, with the same evaluation as the workspace', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';
import { evaluate, nuiThanh2023, VERSION } from '@thidua/scoring';
const units = JSON.parse(readFileSync('units.json', 'utf8'));
process.stdout.write(JSON.stringify({ version: VERSION, evaluation: evaluate(units, nuiThanh2023) }));
`,
    );
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { readFileSync } = require('node:fs');
const scoring = require('@thidua/scoring');
const units = JSON.parse(readFileSync('units.json', 'utf8'));
process.stdout.write(JSON.stringify({ version: scoring.VERSION, evaluation: scoring.evaluate(units, scoring.nuiThanh2023) }));
`,
    );
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const r = run(process.execPath, [file], project);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { version: string; evaluation: Evaluation };
      expect(out.version).toBe(expected.libraryVersion);
      expect(out.evaluation).toEqual(expected);
    }
  });

  it('type-checks a TypeScript consumer (and rejects a wrong one, so the types are real)', () => {
    const tsc = join(repoDir, 'node_modules/.bin/tsc');
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          // A browser consumer; skipLibCheck off, so the published .d.ts files are checked too.
          lib: ['es2022', 'dom'],
          types: [],
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['consumer.mts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.mts'),
      `import { createAwardBundle, evaluate, getPreset, validateRuleSet, nuiThanh2023, type Evaluation, type RuleSet, type UnitInput, type AwardBundle } from '@thidua/scoring';
const units: UnitInput[] = [
  { id: 'tam-hai', name: 'Xã Tam Hải', group: 'communes', resolvedTotal: 2000, resolvedOnline: 1500, resolvedOnlineOnTime: 1400, resolvedLate: 100 },
];
const rules: RuleSet | undefined = getPreset('cuong-gian-2024-targets');
const result: Evaluation = evaluate(units, nuiThanh2023);
const score: string | null = result.units[0]?.score ?? null;
const amount: number | undefined = result.groups[0]?.prizes[0]?.amount;
const checked: boolean = validateRuleSet(rules).ok;
export const bundle: Promise<AwardBundle> = createAwardBundle(units, nuiThanh2023);
export { score, amount, checked };
`,
    );
    const ok = run(tsc, ['-p', 'tsconfig.json'], project);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);

    writeFileSync(
      join(project, 'consumer.mts'),
      `import { evaluate, nuiThanh2023 } from '@thidua/scoring';
const score: number = evaluate([], nuiThanh2023).units[0]!.score;
export { score };
`,
    );
    const wrong = run(tsc, ['-p', 'tsconfig.json'], project);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toContain("Type 'string | null' is not assignable to type 'number'");
  });

  it('runs the CLI through npx: --help, and score on the demo statistics', () => {
    const help = run('npx', ['--no', '--', 'thidua', '--help'], project);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('thidua score');
    const score = run('npx', ['--no', '--', 'thidua', 'score', demoCsvPath], project);
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout.split('\n')[0]).toBe(nuiThanh2023.title.vi);
    for (const u of expected.units) {
      expect(score.stdout).toContain(u.unitName);
      if (u.score !== null && u.rank !== null) expect(score.stdout).toContain(u.score.replace('.', ','));
    }
    const json = run('npx', ['--no', '--', 'thidua', 'score', demoCsvPath, '--format', 'json'], project);
    expect(JSON.parse(json.stdout)).toEqual(expected);
  });

  it('bundles for the browser with esbuild and evaluates the demo data in headless Chromium, as in Node', async () => {
    writeFileSync(
      join(project, 'browser-entry.mjs'),
      `import { evaluate, nuiThanh2023, createAwardBundle, verifyAwardBundle } from '@thidua/scoring';
globalThis.thiduaRun = async (units) => {
  const evaluation = evaluate(units, nuiThanh2023);
  const bundle = await createAwardBundle(units, nuiThanh2023);
  const verification = await verifyAwardBundle(JSON.parse(JSON.stringify(bundle)));
  return { evaluation, sha256: bundle.input.sha256, verified: verification.ok };
};
`,
    );
    const result = await build({
      absWorkingDir: project,
      entryPoints: ['browser-entry.mjs'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/require\(["']node:/);

    // The Node side of the comparison, from the same installed package.
    writeFileSync(
      join(project, 'node-bundle.mjs'),
      `import { readFileSync } from 'node:fs';
import { createAwardBundle, nuiThanh2023 } from '@thidua/scoring';
const b = await createAwardBundle(JSON.parse(readFileSync('units.json', 'utf8')), nuiThanh2023);
process.stdout.write(b.input.sha256);
`,
    );
    const nodeSha = run(process.execPath, ['node-bundle.mjs'], project);
    expect(nodeSha.code, nodeSha.stderr).toBe(0);

    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>thidua</title><p>thidua</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // An intranet name over plain HTTP: not a secure context, so the browser offers no Web Crypto.
        '--host-resolver-rules=MAP thidua.intranet 127.0.0.1',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // A district's intranet page over plain HTTP: crypto.subtle is missing there, and the bundle
      // still hashes (a SHA-256 implementation ships with the library).
      await page.goto(origin.replace('127.0.0.1', 'thidua.intranet'));
      expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
      await page.addScriptTag({ content: code });
      const out = (await page.evaluate((u) => (globalThis as unknown as { thiduaRun: (x: unknown) => Promise<unknown> }).thiduaRun(u), units)) as {
        evaluation: Evaluation;
        sha256: string;
        verified: boolean;
      };
      expect(errors).toEqual([]);
      expect(out.evaluation).toEqual(expected);
      expect(out.sha256).toBe(nodeSha.stdout);
      expect(out.verified).toBe(true);
      expect(await page.evaluate(() => navigator.userAgent)).toContain('Chrome');
    } finally {
      await browser.close();
      server.close();
    }
  });
});

