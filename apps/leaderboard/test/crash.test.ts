import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { syntheticCampaign, syntheticStatistics } from '../src/demo/synthetic.js';
import { readCampaignFile } from '../src/server/campaign-source.js';
import { api, auth, dumpContent, startApp, tempDb } from './helpers.js';
import { killAtMarker } from './server-process.js';

const C = (path: string) => api('crash-test', path);
const fromFile = (path: string) => ({ kind: 'file' as const, ...readCampaignFile(path) });


describe('a process killed in the middle of an upload', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('leaves the previous snapshot intact and the database opening cleanly', async () => {
    const campaign = syntheticCampaign(10_000);
    const campaignPath = join(db.dir, 'campaign.json');
    writeFileSync(campaignPath, JSON.stringify({ id: 'crash-test', ...campaign }));
    const june = syntheticStatistics(campaign.roster, 1);
    const july = syntheticStatistics(campaign.roster, 2);
    const julyPath = join(db.dir, 'july.csv');
    writeFileSync(julyPath, july.csv);

    const first = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath) });
    const up = await first.inject({
      method: 'POST',
      url: C('admin/snapshots?asOf=2023-06-30'),
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: Buffer.from(june.csv),
    });
    expect(up.statusCode, up.body).toBe(201);
    const boardBefore = (await first.inject(C('leaderboard'))).body;
    await first.close();
    const contentBefore = dumpContent(db.dbPath);

    // The transaction has written all 10,000 rows and its audit line, and not committed: killed there.
    const { out, exit } = await killAtMarker('crash-upload.ts', [db.dbPath, campaignPath, julyPath, '2023-07-31'], 'writing');
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(out).not.toContain('finished');

    const raw = new Database(db.dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(dumpContent(db.dbPath)).toEqual(contentBefore);

    const again = await startApp({ dbPath: db.dbPath, campaign: fromFile(campaignPath) });
    const { snapshots } = (await again.inject(C('snapshots'))).json();
    expect(snapshots.map((s: { asOf: string; rowCount: number }) => [s.asOf, s.rowCount])).toEqual([['2023-06-30', 10_000]]);
    expect((await again.inject(C('leaderboard'))).body).toBe(boardBefore);
    // And it accepts the July upload once it is not killed.
    const retry = await again.inject({
      method: 'POST',
      url: C('admin/snapshots?asOf=2023-07-31'),
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: Buffer.from(july.csv),
    });
    expect(retry.statusCode).toBe(201);
    await again.close();
  });
});
