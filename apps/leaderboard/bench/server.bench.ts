/**
 * Server benchmarks, printed as ratios measured in this run (never failing on speed):
 *  1. GET a campaign's leaderboard against @fastify/static serving the same JSON bytes from a file,
 *     both at 100 connections with autocannon. Target: ≥ 0.8× the static throughput.
 *  2. A campaign of 10,000 units: the leaderboard's bytes per unit (target ≤ 400), and an upload of
 *     10,000 rows validated, stored and re-ranked against the floor — parsing the same file and
 *     writing its rows in one transaction (target ≤ 2×).
 *   pnpm --filter @thidua/leaderboard run bench        (BENCH_SECONDS=5 by default)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { evaluate } from '@thidua/scoring';
import { parseStatsFile } from '@thidua/stats-io';
import { buildApp } from '../src/server/app.js';
import { syntheticCampaign, syntheticStatistics } from '../src/demo/synthetic.js';
import { campaignFromJson } from '../src/server/campaign-source.js';
import { Store } from '../src/store/store.js';

const benchActor = { username: 'bench', name: 'Bench' };

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const seconds = Number(process.env.BENCH_SECONDS || 5);
const dir = mkdtempSync(join(tmpdir(), 'leaderboard-bench-'));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function load(url: string, headers: Record<string, string> = {}): Promise<AutocannonResult> {
  await autocannon({ url, connections: 100, duration: 1, headers }); // warm-up
  return autocannon({ url, connections: 100, duration: seconds, headers });
}

async function leaderboardVersusStatic(): Promise<void> {
  const app = await buildApp({ dbPath: join(dir, 'demo.sqlite'), adminToken: 'bench' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const url = '/api/campaigns/nui-thanh-2023-demo/leaderboard';
  const bytes = (await app.inject(url)).rawPayload;
  writeFileSync(join(dir, 'leaderboard.json'), bytes);
  // The same bytes pre-compressed, so the static server can answer gzip requests too.
  writeFileSync(join(dir, 'leaderboard.json.gz'), gzipSync(bytes, { level: 9 }));
  const stat = Fastify();
  await stat.register(fastifyStatic, { root: dir, preCompressed: true });
  const statBase = await stat.listen({ host: '127.0.0.1', port: 0 });

  console.log(`\nGET ${url} (demo, ${fmt(bytes.length)} bytes) vs @fastify/static, 100 connections, ${seconds} s each`);
  const rows: [string, AutocannonResult][] = [];
  rows.push(['static file', await load(`${statBase}/leaderboard.json`)]);
  rows.push(['leaderboard', await load(`${base}${url}`)]);
  rows.push(['static file, gzip', await load(`${statBase}/leaderboard.json`, { 'accept-encoding': 'gzip' })]);
  rows.push(['leaderboard, gzip', await load(`${base}${url}`, { 'accept-encoding': 'gzip' })]);
  for (const [name, r] of rows) {
    console.log(
      `  ${name.padEnd(24)} ${fmt(r.requests.average).padStart(8)} req/s  p50 ${fmt(r.latency.p50)} ms  p99 ${fmt(r.latency.p99)} ms  ` +
        `${fmt(r.throughput.average / 1e6, 1)} MB/s  non-2xx ${r.non2xx}  errors ${r.errors}`,
    );
  }
  const ratio = (a: AutocannonResult, b: AutocannonResult) => a.requests.average / b.requests.average;
  const [s, l, sg, lg] = rows.map(([, r]) => r) as [AutocannonResult, AutocannonResult, AutocannonResult, AutocannonResult];
  console.log(`  ratio identity: ${fmt(ratio(l, s), 2)}× static (target ≥ 0.80×) ${ratio(l, s) >= 0.8 ? 'MET' : 'NOT MET'}`);
  console.log(`  ratio gzip:     ${fmt(ratio(lg, sg), 2)}× static (target ≥ 0.80×) ${ratio(lg, sg) >= 0.8 ? 'MET' : 'NOT MET'}`);
  await stat.close();
  await app.close();
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[m] as number) : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2;
};

async function nationalRoster(): Promise<void> {
  const units = 10_000;
  const campaign = syntheticCampaign(units);
  const source = { kind: 'file' as const, ...campaignFromJson({ id: 'bench', ...campaign }) };
  const app = await buildApp({ dbPath: join(dir, 'big.sqlite'), adminToken: 'bench', campaign: source });
  const changes = app.campaigns.changes('bench');
  const asOfs = ['2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31'];
  console.log(`\nA campaign of ${fmt(units)} units (synthetic): uploads validated, stored and re-ranked, against the floor`);

  // Interleaved, month by month: the upload (parse, validate against rules and roster, evaluate
  // and rank, store in one transaction), then the floor on the same file in another database
  // (parse it, write its rows in one transaction); and, apart, serialising the new leaderboard.
  const upload: number[] = [];
  const floor: number[] = [];
  const serialise: number[] = [];
  for (const [m, asOf] of asOfs.entries()) {
    const { csv } = syntheticStatistics(campaign.roster, m + 1);
    let t = performance.now();
    const result = await changes.upload({ bytes: Buffer.from(csv), fileName: 'b.csv', asOf, actor: benchActor, dryRun: false, publish: true });
    const ms = performance.now() - t;
    if (!result.result.snapshot) throw new Error('upload not stored');
    t = performance.now();
    app.campaigns.require('bench').leaderboardBody();
    serialise.push(performance.now() - t);

    const store = new Store(join(dir, `floor-${m}.sqlite`));
    store.createCampaign({ id: 'floor', ruleSet: campaign.ruleSet, sample: false, createdAt: new Date().toISOString() }, [], benchActor);
    t = performance.now();
    const parsed = await parseStatsFile(csv, { fileName: 'b.csv', ruleSet: campaign.ruleSet });
    store.insertSnapshot({
      campaignId: 'floor', asOf, sourceFileName: 'b.csv', sha256: 'x', rowCount: units, createdBy: benchActor, publish: true,
      createdAt: new Date().toISOString(), sample: false, units: parsed.units,
      // The floor stores the rows only: no results.
      results: { ruleSetSha256: '', libraryVersion: '', totalAwarded: 0, evaluation: { bytes: Buffer.from('null'), deflated: new Uint8Array(0), sha256: '' }, units: [] },
    });
    const floorMs = performance.now() - t;
    store.close();
    if (m > 0) {
      // The first month warms up the code paths of both.
      upload.push(ms);
      floor.push(floorMs);
    }
    console.log(`  ${asOf}: upload ${fmt(ms)} ms · floor ${fmt(floorMs)} ms`);
  }
  const ratio = median(upload) / median(floor);
  console.log(
    `  median upload ${fmt(median(upload))} ms vs floor ${fmt(median(floor))} ms: ratio ${fmt(ratio, 2)}× (target ≤ 2×) ${ratio <= 2 ? 'MET' : 'NOT MET'}`,
  );
  console.log(`  then serialising the new leaderboard for its first reader: median ${fmt(median(serialise))} ms`);

  // Where the time of an upload goes, measured separately on the same input.
  const { csv } = syntheticStatistics(campaign.roster, 6);
  let t = performance.now();
  const parsed = await parseStatsFile(csv, { fileName: 'b.csv', ruleSet: campaign.ruleSet, roster: [...campaign.roster] });
  const parseMs = performance.now() - t;
  t = performance.now();
  const ev = evaluate(parsed.units, campaign.ruleSet);
  const evalMs = performance.now() - t;
  t = performance.now();
  const body = JSON.stringify(ev);
  const jsonMs = performance.now() - t;
  console.log(
    `  parts: parse + validate with the roster (stats-io) ${fmt(parseMs)} ms · evaluate with gaps (scoring) ${fmt(evalMs)} ms · ` +
      `serialise the evaluation ${fmt(jsonMs)} ms (${fmt(body.length / 1e6, 1)} MB)`,
  );

  const board = await app.inject('/api/campaigns/bench/leaderboard');
  const perUnit = board.rawPayload.length / units;
  console.log(
    `  GET /api/campaigns/bench/leaderboard: ${fmt(board.rawPayload.length / 1e6, 2)} MB, ${fmt(perUnit)} bytes per unit (target ≤ 400) ${perUnit <= 400 ? 'MET' : 'NOT MET'}`,
  );
  const unit = await app.inject('/api/campaigns/bench/units/unit-00042');
  console.log(`  GET one unit (result, gaps, working, history): ${fmt(unit.rawPayload.length / 1024, 1)} KB`);
  await app.close();
}

try {
  await leaderboardVersusStatic();
  await nationalRoster();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
