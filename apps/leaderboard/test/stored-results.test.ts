import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { evaluate, type RuleSet } from '@thidua/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCampaign, syntheticStatistics, syntheticWeek, syntheticWeeklyCampaign, weeklyAsOfDates } from '../src/demo/synthetic.js';
import { readCampaignFile } from '../src/server/campaign-source.js';
import type { WorkKind } from '../src/server/work/pool.js';
import { api, auth, startApp, tempDb, useApp } from './helpers.js';

/**
 * Issue 16: results are computed when a snapshot is stored and read ever after — the board of any
 * week, a unit's page and history, rank changes — so that a restart, an earlier week or a unit page
 * costs a query, not an evaluation; heavy work runs in worker threads.
 */

const fromFile = (path: string) => ({ kind: 'file' as const, ...readCampaignFile(path) });
const benchActor = { username: 'test', name: 'Kiểm thử' };

describe('stored results equal a fresh evaluation', () => {
  const server = useApp();

  it('for every snapshot of the demo campaigns: the board, each unit\u2019s row, and each unit\u2019s gaps', async () => {
    const app = server.app;
    let snapshots = 0;
    for (const campaign of app.campaigns.list()) {
      for (const s of campaign.timeline.list({ pending: true })) {
        const units = app.store.getSnapshotUnits(s.id);
        const fresh = evaluate(units, campaign.ruleSet, { gaps: false });
        const stored = app.store.results.evaluation(s.id)!;
        expect(Buffer.from(stored.bytes).toString('utf8'), `${campaign.id} #${s.id}`).toBe(JSON.stringify(fresh));
        // Its compressed form, spliced into a gzip answer, gives back the very same bytes.
        expect(inflateRawSync(Buffer.concat([stored.deflated, deflateRawSync(Buffer.alloc(0))])).equals(Buffer.from(stored.bytes))).toBe(true);
        for (const u of fresh.units) {
          const row = app.store.results.unit(s.id, u.unitId);
          expect(row).toMatchObject({ rank: u.rank, score: u.score, eligible: u.eligible, classId: u.class ?? null, prizeJson: u.prize ? JSON.stringify(u.prize) : null });
          expect(row?.resultJson).toBe(JSON.stringify(u));
        }
        snapshots++;
      }
      // A unit's page shows the gaps a whole evaluation with gaps finds, for every unit of the latest week.
      const latest = campaign.timeline.latest();
      if (!latest) continue;
      const withGaps = evaluate(app.store.getSnapshotUnits(latest.id), campaign.ruleSet);
      for (const u of withGaps.units) {
        const page = (await app.inject(api(campaign.id, `units/${u.unitId}`))).json();
        expect(page.result, `${campaign.id}: ${u.unitId}`).toEqual(u);
      }
    }
    expect(snapshots).toBeGreaterThan(10);
  });
});

describe('a year of weekly snapshots, restarted', () => {
  const db = tempDb();
  const units = 300;
  const weeks = weeklyAsOfDates(52);
  const campaign = syntheticWeeklyCampaign(units);
  const campaignPath = join(db.dir, 'campaign.json');
  const C = (path: string) => api('tuan', path);
  afterAll(() => db.cleanup());

  beforeAll(async () => {
    writeFileSync(campaignPath, JSON.stringify({ id: 'tuan', ...campaign }));
    const first = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath) });
    const changes = first.campaigns.changes('tuan');
    for (const [w, asOf] of weeks.entries()) {
      await changes.upload({ bytes: syntheticWeek(campaign.roster, w + 1).csv, fileName: `tuan-${w + 1}.csv`, asOf, actor: benchActor, dryRun: false, publish: true });
    }
    await first.close();
  }, 120_000);

  it('reads a unit\u2019s page, its 52-week history, the board of any week and every export with no evaluation', async () => {
    const work: WorkKind[] = [];
    const app = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath), onWork: (k) => work.push(k) });
    try {
      expect(work).toEqual([]); // the results are current: nothing to recompute at start
      const unit = campaign.roster[10]!.id;
      const page = (await app.inject(C(`units/${unit}`))).json();
      expect(page.history).toHaveLength(52);
      expect(page.history.map((p: { asOf: string }) => p.asOf)).toEqual(weeks);
      expect(page.result.unitId).toBe(unit);
      expect(page.result.gaps).toBeDefined();
      expect(page.explanation).not.toBeNull();
      for (const asOf of [weeks[3]!, weeks[30]!, weeks[3]!, weeks[51]!]) {
        const board = (await app.inject(C(`leaderboard?asOf=${asOf}`))).json();
        expect(board.snapshot.asOf).toBe(asOf);
        expect(board.evaluation.units).toHaveLength(units);
      }
      const earlier = (await app.inject(C(`units/${unit}?asOf=${weeks[20]}`))).json();
      expect(earlier.history).toHaveLength(21);
      expect(earlier.rankChange?.previousRank ?? null).toBe(earlier.history[19].rank);
      for (const path of ['export/ranking.csv', 'export/awards.xlsx', `export/ranking.csv?asOf=${weeks[5]}`]) expect((await app.inject(C(path))).statusCode).toBe(200);
      expect((await app.inject('/api/campaigns')).statusCode).toBe(200);
      // The search's index: every unit, small, cached under the roster's content.
      const index = await app.inject(C('units'));
      expect(index.json().units).toHaveLength(units);
      expect(index.json().units[0]).toEqual({ id: campaign.roster[0]!.id, name: campaign.roster[0]!.name, groupId: campaign.roster[0]!.group });
      expect(index.body.length / units).toBeLessThan(80);
      expect((await app.inject({ url: C('units'), headers: { 'if-none-match': index.headers.etag as string } })).statusCode).toBe(304);
      expect(work).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a changed rule set recomputes every stored result at start, once, and audits it', async () => {
    const changed: RuleSet = structuredClone(campaign.ruleSet);
    const group = changed.groups[1]!;
    const prize = group.prizes![0]!;
    prize.amountVnd += 500_000;
    writeFileSync(campaignPath, JSON.stringify({ id: 'tuan', ruleSet: changed, roster: campaign.roster }));
    const work: WorkKind[] = [];
    const app = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath), onWork: (k) => work.push(k) });
    try {
      expect(work).toHaveLength(52);
      expect(new Set(work)).toEqual(new Set(['recompute']));
      const board = (await app.inject(C('leaderboard'))).json();
      const awarded = board.evaluation.units.find((u: { groupId: string; prize?: { id: string } }) => u.groupId === group.id && u.prize?.id === prize.id);
      expect(awarded.prize.amount).toBe(prize.amountVnd);
      const audit = (await app.inject({ url: '/api/admin/audit?campaign=tuan', headers: auth })).json().entries as { action: string; detail: Record<string, unknown>; text: { vi: string } }[];
      const line = audit.find((l) => l.action === 'results_recomputed');
      expect(line?.detail).toMatchObject({ reason: 'rule_set', snapshots: 52 });
      expect(line?.text.vi).toContain('tính lại kết quả đã lưu của 52 kỳ số liệu theo bộ quy tắc mới');
    } finally {
      await app.close();
    }
    const again: WorkKind[] = [];
    const third = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath), onWork: (k) => again.push(k) });
    await third.close();
    expect(again).toEqual([]);
  });
});

describe('the event loop only answers', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('/healthz answers while a 10,000-row upload is read and evaluated in a worker', async () => {
    const big = syntheticCampaign(10_000);
    const campaignPath = join(db.dir, 'big.json');
    writeFileSync(campaignPath, JSON.stringify({ id: 'big', ...big }));
    const app = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath) });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { csv } = syntheticStatistics(big.roster, 3);
      // Warm the worker thread, so that the upload measured is the work itself.
      const warm = await fetch(`${base}${api('big', 'admin/snapshots?asOf=2023-07-31&dryRun=1')}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: Buffer.from(syntheticStatistics(big.roster, 2).csv) });
      expect(warm.status).toBe(200);
      await warm.arrayBuffer();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let done = false;
      const upload = fetch(`${base}${api('big', 'admin/snapshots?asOf=2023-08-31')}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: Buffer.from(csv) }).then(async (res) => {
        done = true;
        return { status: res.status, body: await res.text() };
      });
      let answered = 0;
      while (!done) {
        const res = await fetch(`${base}/healthz`);
        expect(await res.json()).toEqual({ ok: true });
        if (!done) answered++;
        await new Promise((r) => setTimeout(r, 10));
      }
      delay.disable();
      const stored = await upload;
      expect(stored.status, stored.body.slice(0, 300)).toBe(201);
      expect(answered).toBeGreaterThan(3);
      // The longest the event loop was held: the one transaction that stores 10,000 rows and their results.
      expect(delay.max / 1e6).toBeLessThan(1_000);
    } finally {
      await app.close();
    }
  }, 60_000);
});
