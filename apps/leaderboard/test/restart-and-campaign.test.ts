import { afterAll, describe, expect, it } from 'vitest';
import { nuiThanh2023 } from '@thidua/scoring';
import { buildApp } from '../src/server/app.js';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CampaignFileError, campaignFromJson, readCampaignFile } from '../src/server/campaign-source.js';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { auth, csvHeaders, dumpContent, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb } from './helpers.js';

describe('restart', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('keeps campaign, snapshots, retractions, finalisation and audit across a restart on the same file', async () => {
    const first = await startApp({ dbPath: db.dbPath });
    const up = await first.inject({
      method: 'POST',
      url: '/api/admin/snapshots?asOf=2023-12-31',
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 7))),
    });
    expect(up.statusCode).toBe(201);
    expect((await first.inject({ method: 'DELETE', url: '/api/admin/snapshots/2', headers: auth })).statusCode).toBe(200);
    expect((await first.inject({ method: 'POST', url: '/api/admin/finalize', headers: auth })).statusCode).toBe(200);
    const urls = ['/api/leaderboard', '/api/snapshots', '/api/units/tam-xuan-1', '/api/rules'];
    const before = await Promise.all(urls.map(async (u) => (await first.inject(u)).body));
    const audit = (await first.inject({ url: '/api/admin/audit', headers: auth })).json();
    await first.close();
    const content = dumpContent(db.dbPath);

    const second = await startApp({ dbPath: db.dbPath });
    const after = await Promise.all(urls.map(async (u) => (await second.inject(u)).body));
    expect(after).toEqual(before);
    expect((await second.inject({ url: '/api/admin/audit', headers: auth })).json()).toEqual(audit);
    expect(JSON.parse(after[0] as string).status).toBe('final');
    // The demo is seeded only into an empty database: no second copy of its snapshots.
    expect(JSON.parse(after[1] as string).snapshots).toHaveLength(8);
    await second.close();
    expect(dumpContent(db.dbPath)).toEqual(content);
  });
});

describe('campaign files', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('refuses an invalid rule set or roster, naming every problem', () => {
    const badRules = { ...nuiThanh2023, groups: [] };
    expect(() => campaignFromJson({ ruleSet: badRules, roster: nuiThanhRoster })).toThrow(CampaignFileError);
    try {
      campaignFromJson({
        ruleSet: nuiThanh2023,
        roster: [
          { id: 'a', name: 'A', group: 'communes' },
          { id: 'a', name: 'A again', group: 'communes' },
          { id: 'b', name: 'B', group: 'villages' },
        ],
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CampaignFileError);
      const problems = (err as CampaignFileError).problems.join('\n');
      expect(problems).toContain('roster.1.id');
      expect(problems).toContain('roster.2.group');
    }
    expect(() => campaignFromJson({ ruleSet: nuiThanh2023, roster: [] })).toThrow(CampaignFileError);
    expect(() => campaignFromJson({ ruleSet: nuiThanh2023, roster: nuiThanhRoster, extra: 1 })).toThrow(CampaignFileError);
  });

  it('starts empty, and will not start on a database holding another campaign', async () => {
    const app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    expect((await app.inject('/api/snapshots')).json()).toEqual({ snapshots: [] });
    await app.close();
    const content = dumpContent(db.dbPath);
    await expect(buildApp({ dbPath: db.dbPath })).rejects.toThrow(/LEADERBOARD_CAMPAIGN/);
    const changed = campaignFromJson({ id: 'nui-thanh-2023-test', ruleSet: nuiThanh2023, roster: nuiThanhRoster.slice(1) });
    await expect(buildApp({ dbPath: db.dbPath, campaign: changed })).rejects.toThrow(/LEADERBOARD_DB/);
    expect(dumpContent(db.dbPath)).toEqual(content);
    const again = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    expect((await again.inject('/healthz')).statusCode).toBe(200);
    await again.close();
  });
});

describe('the documented example campaign (docs/examples)', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/examples');

  it('runs from its campaign file and accepts its sample statistics', async () => {
    const app = await startApp({ dbPath: db.dbPath, campaign: readCampaignFile(join(examples, 'cuong-gian-2024-example.campaign.json')) });
    const board = (await app.inject('/api/leaderboard')).json();
    expect(board).toMatchObject({ snapshot: null, campaign: { id: 'cuong-gian-2024-example', sample: false } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/snapshots?asOf=2024-12-31',
      headers: { ...auth, ...csvHeaders },
      payload: readFileSync(join(examples, 'cuong-gian-2024-example.stats.csv')),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().snapshot.rowCount).toBe(7);
    expect((await app.inject('/api/leaderboard')).json().evaluation.units).toHaveLength(7);
    await app.close();
  });
});
