/**
 * The public page's weight and speed, printed as ratios measured in this run (never failing):
 *  1. JavaScript shipped to a campaign page, gzip — target ≤ 60 KB.
 *  2. Navigation → first ranking row painted, in Chromium on loopback, against a static HTML file
 *     holding the same rows served from the same machine — target ≤ 2× — for the demo campaign and
 *     for a campaign of 10,000 units (the page paints its first rows and fetches the rest on demand);
 *     and for the national race on the 766 index (10,000 units, classes, ties) — target ≤ 1.3× — with
 *     its HTML against the static page's — target ≤ 2×.
 * Run with `pnpm bench` (after `pnpm run build`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { loadManifest, webDistDir } from '../src/server/pages/assets.js';
import { statisticsCsv } from '@thidua/stats-io';
import { syntheticCampaign, syntheticIndexRace, syntheticStatistics } from '../src/demo/synthetic.js';
import { campaignFromJson } from '../src/server/campaign-source.js';
import { launchChromium, startServer } from '../test/browser/harness.js';

const benchActor = { username: 'bench', name: 'Bench' };

const runs = 21;

function jsWeight(): { files: string[]; raw: number; gzip: number } {
  const entry = loadManifest().public;
  if (!entry) throw new Error('dist/web/manifest.json has no public page: run `pnpm run build` first');
  const files = [entry.file, ...entry.imports];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(webDistDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/**
 * Installed before any page script: watches (through open shadow roots) for the first ranking row
 * and records the time of the frame after it appears, i.e. when it is painted.
 */
const firstRowProbe = `(() => {
  const find = (root) => {
    const row = root.querySelector('table.ranking tbody tr[data-unit-id]');
    if (row) return row;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const r = find(el.shadowRoot); if (r) return r; }
    }
    return null;
  };
  const check = () => {
    if (window.__firstRowPainted !== undefined) return;
    if (document.documentElement && find(document)) {
      requestAnimationFrame(() => setTimeout(() => { window.__firstRowPainted ??= performance.now(); }, 0));
      return;
    }
    requestAnimationFrame(check);
  };
  check();
})();`;

async function timeToFirstRow(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(firstRowProbe);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __firstRowPainted?: number }).__firstRowPainted !== undefined);
  const t = await page.evaluate(() => (window as unknown as { __firstRowPainted: number }).__firstRowPainted);
  await context.close();
  return t;
}

/** Alternating runs, so a busy moment of the machine weighs on both pages alike. */
async function compare(browser: Browser, a: string, b: string): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const x = await timeToFirstRow(browser, a);
    const y = await timeToFirstRow(browser, b);
    if (i >= 2) {
      // The first two warm up the server and the browser.
      ta.push(x);
      tb.push(y);
    }
  }
  return [ta, tb];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const weight = jsWeight();
console.log(`page.bench — JavaScript shipped to the public page (${weight.files.join(', ')})`);
console.log(
  `  ${(weight.raw / 1024).toFixed(1)} KB minified, ${(weight.gzip / 1024).toFixed(1)} KB gzip — target ≤ 60 KB gzip: ${
    weight.gzip <= 60 * 1024 ? 'met' : 'NOT met'
  } (${((weight.gzip / (60 * 1024)) * 100).toFixed(0)}% of budget)`,
);

// The static twin is a plain file served by the same server through @fastify/static, so both
// pages get the same headers (CSP, COOP…), compression and loopback path: only the page differs.
const twinDir = mkdtempSync(join(tmpdir(), 'lb-bench-'));
const server = await startServer({
  configure: async (app) => {
    await app.register(fastifyStatic, { root: twinDir, prefix: '/__bench/', decorateReply: false });
    // A campaign of 10,000 units beside the demo, with one month of statistics.
    const big = syntheticCampaign(10_000);
    app.campaigns.create({ id: 'bench-10000', ...campaignFromJson({ id: 'bench-10000', ...big }), sample: true, actor: benchActor });
    const units = syntheticStatistics(big.roster, 3).units;
    await app.campaigns.changes('bench-10000').upload({ bytes: statisticsCsv(units, big.ruleSet), fileName: 'b.csv', asOf: '2023-08-31', actor: benchActor, dryRun: false, publish: true });
    // The national race on the 766 index: 10,000 units in two groups, classes, ties; two weeks.
    const race = syntheticIndexRace(10_000);
    app.campaigns.create({ id: 'race-766', ruleSet: race.ruleSet, roster: race.roster, sample: true, actor: benchActor });
    for (const w of [0, 1]) {
      await app.campaigns.changes('race-766').upload({ bytes: race.week(w).csv, fileName: 'r.csv', asOf: race.asOf[w] as string, actor: benchActor, dryRun: false, publish: true });
    }
  },
});
const browser = await launchChromium();

/** The page against a static HTML file of the same rows, as the browser shows them; the time ratio. */
async function measure(label: string, path: string, target = 2): Promise<{ html: number; staticHtml: number }> {
  const probe = await browser.newPage();
  await probe.goto(`${server.origin}${path}`);
  const tableHtml = await probe.locator('table.ranking').first().evaluate((t) => t.outerHTML);
  await probe.close();
  const name = `${label.replace(/\W+/g, '-')}.html`;
  const staticPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title><style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}th,td{padding:.45rem .5rem;border-bottom:1px solid #c9d1db;text-align:left}</style></head><body>${tableHtml}</body></html>`;
  writeFileSync(join(twinDir, name), staticPage);
  const rows = (tableHtml.match(/<tr data-unit-id=/g) ?? []).length;
  const [pageTimes, staticTimes] = await compare(browser, `${server.origin}${path}`, `${server.origin}/__bench/${name}`);
  const p = median(pageTimes);
  const s = median(staticTimes);
  const ratio = p / s;
  console.log(`page.bench — ${label} (${rows} rows painted): navigation → first ranking row painted, Chromium, loopback, median of ${runs}`);
  console.log(`  campaign page (SSR + hydration): ${p.toFixed(1)} ms   [${pageTimes.map((t) => t.toFixed(0)).join(' ')}]`);
  console.log(`  static HTML of the same rows:    ${s.toFixed(1)} ms   [${staticTimes.map((t) => t.toFixed(0)).join(' ')}]`);
  console.log(`  ratio ${ratio.toFixed(2)}× — target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'}`);
  const html = (await (await fetch(`${server.origin}${path}`)).text()).length;
  return { html, staticHtml: staticPage.length };
}

try {
  await measure('demo campaign (Núi Thành, 29 units)', '/c/nui-thanh-2023-demo/?group=communes');
  await measure('a campaign of 10,000 units', '/c/bench-10000/?group=communes');
  const race = await measure('the 766 race of 10,000 units, districts tab', '/c/race-766/?group=districts', 1.3);
  const htmlRatio = race.html / race.staticHtml;
  console.log(
    `  the 766 page's HTML ${(race.html / 1024).toFixed(0)} KB vs the static page of the same rows ${(race.staticHtml / 1024).toFixed(0)} KB: ${htmlRatio.toFixed(2)}× — target ≤ 2×: ${htmlRatio <= 2 ? 'met' : 'NOT met'}`,
  );
  const html = await (await fetch(`${server.origin}/c/bench-10000/?group=communes`)).text();
  console.log(`  the 10,000-unit page's HTML: ${(html.length / 1024).toFixed(0)} KB (the rows it paints and their data, not the whole roster)`);
} finally {
  await browser.close();
  await server.close();
  rmSync(twinDir, { recursive: true, force: true });
}
