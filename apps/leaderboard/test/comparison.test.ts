import { evaluate, nuiThanh2023 } from '@thidua/scoring';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadResult } from '../src/contract.js';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { api, auth, csvHeaders, dumpContent, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb, testCampaignId } from './helpers.js';

const T = (path: string) => api(testCampaignId, path);

/**
 * A dry run says what an upload would change against the published figures — rank moves, prizes
 * gained or lost with their amounts, the total — exactly as the library's two evaluations differ,
 * and warns when it would replace published figures, when its date is older than the one shown,
 * and when a cumulative count went down.
 */
describe('the comparison of an upload with what is published', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const upload = async (asOf: string, units: ReturnType<typeof statsFor>, dryRun = true) => {
    const res = await app.inject({ method: 'POST', url: T(`admin/snapshots?asOf=${asOf}${dryRun ? '&dryRun=1' : ''}`), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(units)) });
    expect(res.statusCode, res.body).toBe(dryRun ? 200 : 201);
    return res.json() as UploadResult;
  };

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    await upload('2023-08-31', statsFor(nuiThanhRoster, 3), false);
    await upload('2023-09-30', statsFor(nuiThanhRoster, 4), false);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('has nothing to compare with before anything is published', async () => {
    const other = tempDb();
    const fresh = await startApp({ dbPath: other.dbPath, campaign: nuiThanhCampaignFile() });
    const res = await fresh.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-08-31&dryRun=1'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 3))) });
    expect(res.json().comparison).toMatchObject({ against: null, shownAsOf: null, replacesPublished: false, olderThanShown: false, rankMoves: [], prizeChanges: [], totalAwardedBefore: null, decreases: [] });
    await fresh.close();
    other.cleanup();
  });

  it('lists the rank moves and the prize changes with amounts, exactly as the two evaluations differ; stores nothing', async () => {
    const before = dumpContent(db.dbPath);
    const next = statsFor(nuiThanhRoster, 5);
    const result = await upload('2023-10-31', next);
    const published = evaluate(statsFor(nuiThanhRoster, 4), nuiThanh2023, { gaps: false });
    const now = evaluate(next, nuiThanh2023, { gaps: false });
    const old = new Map(published.units.map((u) => [u.unitId, u]));
    const c = result.comparison;
    expect(c.against).toEqual({ snapshotId: 2, asOf: '2023-09-30' });
    expect(c.shownAsOf).toBe('2023-09-30');
    expect(c.replacesPublished).toBe(false);
    expect(c.olderThanShown).toBe(false);
    expect(c.rankMoves).toEqual(
      now.units.filter((u) => (old.get(u.unitId)?.rank ?? null) !== u.rank).map((u) => ({ unitId: u.unitId, unitName: u.unitName, groupId: u.groupId, before: old.get(u.unitId)?.rank ?? null, now: u.rank })),
    );
    const prize = (p: { label: { vi: string; en: string }; amount: number } | undefined) => (p ? { label: p.label, amount: p.amount } : null);
    expect(c.prizeChanges).toEqual(
      now.units
        .filter((u) => JSON.stringify(prize(old.get(u.unitId)?.prize)) !== JSON.stringify(prize(u.prize)))
        .map((u) => ({ unitId: u.unitId, unitName: u.unitName, groupId: u.groupId, before: prize(old.get(u.unitId)?.prize), now: prize(u.prize) })),
    );
    expect(c.totalAwardedBefore).toBe(published.totalAwarded);
    expect(c.totalAwardedNow).toBe(now.totalAwarded);
    expect(result.warnings.map((w) => w.code)).toEqual([]);
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('warns that it replaces the figures published for its date', async () => {
    const result = await upload('2023-09-30', statsFor(nuiThanhRoster, 4, 12));
    expect(result.comparison.replacesPublished).toBe(true);
    expect(result.comparison.against?.asOf).toBe('2023-09-30');
    expect(result.warnings.find((w) => w.code === 'replaces_published')?.message.vi).toBe(
      'Đã có số liệu công bố đến ngày 30/09/2023: khi công bố, tệp này sẽ thay thế số liệu đó (số liệu cũ vẫn được lưu).',
    );
  });

  it('warns that an older date will not change what the board shows', async () => {
    const result = await upload('2023-07-31', statsFor(nuiThanhRoster, 2));
    expect(result.comparison.olderThanShown).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain('older_than_shown');
    expect(result.warnings.find((w) => w.code === 'older_than_shown')?.message.en).toBe(
      'The date 31/07/2023 is older than the one shown (30/09/2023): once published, the board still shows the figures as of 30/09/2023.',
    );
    // Published anyway, it joins the history, and says so.
    const stored = await upload('2023-07-31', statsFor(nuiThanhRoster, 2), false);
    expect(stored.snapshot?.state).toBe('published');
    expect((await app.inject(T('leaderboard'))).json().snapshot.asOf).toBe('2023-09-30');
  });

  it('warns of every cumulative count lower than in the published snapshot before its date, naming the unit', async () => {
    const lower = statsFor(nuiThanhRoster, 5).map((u, i) => (i === 2 ? { ...u, resolvedTotal: 1, resolvedOnline: 1, resolvedOnlineOnTime: 1, resolvedLate: 0 } : u));
    const result = await upload('2023-10-31', lower);
    const previous = statsFor(nuiThanhRoster, 4)[2]!;
    expect(result.comparison.decreases.map((d) => [d.unitId, d.input, d.before, d.now])).toEqual(
      (['resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate'] as const)
        .filter((k) => (previous[k] as number) > (k === 'resolvedLate' ? 0 : 1))
        .map((k) => [previous.id, k, previous[k], k === 'resolvedLate' ? 0 : 1]),
    );
    const warning = result.warnings.find((w) => w.code === 'counts_decrease');
    expect(warning?.message.vi).toMatch(new RegExp(`^${previous.name}: ".+" là 1, thấp hơn kỳ trước \\(\\d+, đến ngày 30/09/2023\\) — số liệu lũy kế không thể giảm\\.$`));
  });

  it('lists every input that differs from the figures compared with, per unit, before → now', async () => {
    const published = statsFor(nuiThanhRoster, 4);
    const edited = published.map((u, i) => (i === 5 ? { ...u, resolvedLate: (u.resolvedLate as number) + 3 } : u));
    const result = await upload('2023-09-30', edited);
    const unit = published[5]!;
    expect(result.comparison.inputChangeCount).toBe(1);
    expect(result.comparison.inputChanges).toEqual([
      { unitId: unit.id, unitName: unit.name, input: 'resolvedLate', label: expect.objectContaining({ vi: expect.any(String) }), before: unit.resolvedLate, now: (unit.resolvedLate as number) + 3 },
    ]);
  });

  it('shows a publisher the pending upload against what is published now, read from the stored results', async () => {
    const published = statsFor(nuiThanhRoster, 4);
    const edited = published.map((u, i) => (i === 1 ? { ...u, resolvedOnlineOnTime: (u.resolvedOnlineOnTime as number) - 1 } : u));
    const pending = await app.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-09-30&publish=0'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(edited)) });
    expect(pending.statusCode, pending.body).toBe(201);
    const atUpload = pending.json() as UploadResult;
    expect(atUpload.snapshot?.state).toBe('pending');
    const res = await app.inject({ url: T(`admin/snapshots/${atUpload.snapshot!.id}/comparison`), headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { comparison: UploadResult['comparison']; warnings: UploadResult['warnings']; snapshot: { id: number } };
    expect(body.snapshot.id).toBe(atUpload.snapshot!.id);
    // The same comparison the clerk read at upload (nothing was published since).
    expect(body.comparison).toEqual(atUpload.comparison);
    expect(body.comparison.replacesPublished).toBe(true);
    expect(body.comparison.inputChanges.map((x) => [x.unitId, x.input])).toEqual([[published[1]!.id, 'resolvedOnlineOnTime']]);
    expect(body.warnings.map((w) => w.code)).toContain('replaces_published');
    expect((await app.inject({ url: T('admin/snapshots/999999/comparison'), headers: auth })).statusCode).toBe(404);
  });
});

/**
 * Retracting shows the same comparison in reverse: the retracted figures (before) against those that
 * would then stand for its date (after), and says whether the board, the history or nothing changes.
 */
describe('what retracting a snapshot would change', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  const store = async (name: string, asOf: string, units: ReturnType<typeof statsFor>, publish: boolean) => {
    const res = await app.inject({ method: 'POST', url: T(`admin/snapshots?asOf=${asOf}&publish=${publish ? 1 : 0}`), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(units)) });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = (res.json() as UploadResult).snapshot!.id;
  };
  const retraction = async (id: number) => {
    const res = await app.inject({ url: T(`admin/snapshots/${id}/retraction`), headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { changes: string; standsFor: { snapshotId: number; asOf: string } | null; comparison: UploadResult['comparison'] | null; snapshot: { id: number; state: string } };
  };

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    await store('august', '2023-08-31', statsFor(nuiThanhRoster, 3), true);
    await store('september', '2023-09-30', statsFor(nuiThanhRoster, 4), true);
    await store('octoberFirst', '2023-10-31', statsFor(nuiThanhRoster, 5), true);
    await store('october', '2023-10-31', statsFor(nuiThanhRoster, 6), true);
    await store('pending', '2023-11-30', statsFor(nuiThanhRoster, 7), false);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('of the snapshot shown: the board goes back to the earlier publication of its date, every figure and rank reversed', async () => {
    const before = dumpContent(db.dbPath);
    const r = await retraction(ids.october!);
    expect(r.snapshot.state).toBe('live');
    expect(r.changes).toBe('board');
    expect(r.standsFor).toEqual({ snapshotId: ids.octoberFirst, asOf: '2023-10-31' });
    const shown = statsFor(nuiThanhRoster, 6);
    const after = statsFor(nuiThanhRoster, 5);
    const c = r.comparison!;
    expect(c.against).toEqual({ snapshotId: ids.october, asOf: '2023-10-31' });
    expect(c.replacesPublished).toBe(true);
    // Every input cell that differs, before (retracted) → after (standing).
    const inputs = nuiThanh2023.inputs.filter((i) => i.kind !== 'text').map((i) => i.id);
    const expected = after.flatMap((u, k) => inputs.filter((i) => String(shown[k]![i]) !== String(u[i])).map((i) => [u.id, i, shown[k]![i], u[i]]));
    expect(c.inputChangeCount).toBe(expected.length);
    expect(c.inputChanges.map((x) => [x.unitId, x.input, x.before, x.now])).toEqual(expected.slice(0, 200));
    const was = new Map(evaluate(shown, nuiThanh2023, { gaps: false }).units.map((u) => [u.unitId, u.rank]));
    const will = evaluate(after, nuiThanh2023, { gaps: false });
    expect(c.rankMoves).toEqual(will.units.filter((u) => was.get(u.unitId) !== u.rank).map((u) => expect.objectContaining({ unitId: u.unitId, before: was.get(u.unitId), now: u.rank })));
    expect(c.totalAwardedNow).toBe(will.totalAwarded);
    // Reading it changes nothing.
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('of a snapshot in the history: the board stays, its date falls back to the last date before it', async () => {
    const r = await retraction(ids.september!);
    expect(r.snapshot.state).toBe('published');
    expect(r.changes).toBe('history');
    expect(r.standsFor).toEqual({ snapshotId: ids.august, asOf: '2023-08-31' });
    expect(r.comparison?.replacesPublished).toBe(false);
  });

  it('of the first snapshot: nothing would stand for its date', async () => {
    const r = await retraction(ids.august!);
    expect(r).toMatchObject({ changes: 'history', standsFor: null, comparison: null });
  });

  it('of a pending or replaced snapshot: nothing public changes', async () => {
    expect(await retraction(ids.pending!)).toMatchObject({ changes: 'nothing', standsFor: null, comparison: null });
    expect(await retraction(ids.octoberFirst!)).toMatchObject({ changes: 'nothing', snapshot: { state: 'replaced' } });
    expect((await app.inject({ url: T('admin/snapshots/999999/retraction'), headers: auth })).statusCode).toBe(404);
  });
});
