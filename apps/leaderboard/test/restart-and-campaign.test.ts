import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cuongGian2024Targets, nuiThanh2023 } from '@thidua/scoring';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { buildApp } from '../src/server/app.js';
import { CampaignFileError, campaignFromJson, readCampaignFile } from '../src/server/campaign-source.js';
import { api, auditLines, auth, csvHeaders, demoApi, dumpContent, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb, testCampaignId, finalizeRequest } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const T = (path: string) => api(testCampaignId, path);

describe('restart', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('keeps campaigns, snapshots, retractions, finalisation and audit across a restart on the same file', async () => {
    const first = await startApp({ dbPath: db.dbPath });
    const up = await first.inject({
      method: 'POST',
      url: demoApi('admin/snapshots?asOf=2023-12-31'),
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 7))),
    });
    expect(up.statusCode).toBe(201);
    expect((await first.inject({ method: 'DELETE', url: demoApi('admin/snapshots/2'), headers: auth })).statusCode).toBe(200);
    expect((await first.inject(finalizeRequest(demoApi('admin/finalize')))).statusCode).toBe(200);
    const urls = ['/api/campaigns', demoApi('leaderboard'), demoApi('snapshots'), demoApi('units/tam-xuan-1'), demoApi('rules'), '/'];
    const before = await Promise.all(urls.map(async (u) => (await first.inject(u)).body));
    const audit = (await first.inject({ url: '/api/admin/audit', headers: auth })).json();
    await first.close();
    const content = dumpContent(db.dbPath);

    const second = await startApp({ dbPath: db.dbPath });
    const after = await Promise.all(urls.map(async (u) => (await second.inject(u)).body));
    expect(after).toEqual(before);
    expect((await second.inject({ url: '/api/admin/audit', headers: auth })).json()).toEqual(audit);
    expect(JSON.parse(after[1] as string).status).toBe('final');
    // The demo is seeded only into an empty database: no second copy of its snapshots.
    expect(JSON.parse(after[2] as string).snapshots).toHaveLength(8);
    await second.close();
    expect(dumpContent(db.dbPath)).toEqual(content);
  });
});

describe('a database made by release 0.1.0 (one campaign, fixed count columns)', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const fixture = join(here, 'fixtures/leaderboard-v0.1.0.sqlite');
  const expected = JSON.parse(readFileSync(join(here, 'fixtures/leaderboard-v0.1.0.expected.json'), 'utf8')) as {
    campaignId: string;
    status: string;
    snapshotId: number;
    asOf: string;
    totalAwarded: number;
    units: [string, string | null, number | null, string | null, boolean][];
  };

  it('is carried over with nothing lost: the same campaign, snapshots, retraction, finalisation, audit lines and results', async () => {
    copyFileSync(fixture, db.dbPath);
    const old = new Database(db.dbPath, { readonly: true });
    const oldSnapshots = old.prepare('SELECT * FROM snapshots ORDER BY id').all() as { id: number; as_of: string; sha256: string; retracted: number }[];
    const oldRows = old.prepare('SELECT COUNT(*) AS n FROM snapshot_units').get() as { n: number };
    const oldAudit = old.prepare('SELECT id, at, actor, action, outcome, snapshot_id, detail_json FROM audit_log ORDER BY id').all();
    const oldUnits = old.prepare('SELECT * FROM snapshot_units WHERE snapshot_id = 8 ORDER BY position').all() as Record<string, unknown>[];
    old.close();

    const app = await startApp({ dbPath: db.dbPath });
    const campaigns = (await app.inject('/api/campaigns')).json();
    // The demo is not seeded again into a database that holds a campaign.
    expect(campaigns.campaigns.map((c: { id: string }) => c.id)).toEqual([expected.campaignId]);
    expect(campaigns.defaultCampaignId).toBe(expected.campaignId);
    const board = (await app.inject(api(expected.campaignId, 'leaderboard'))).json();
    expect(board.status).toBe(expected.status);
    expect(board.snapshot).toMatchObject({ id: expected.snapshotId, asOf: expected.asOf });
    expect(board.campaign.ruleSetId).toBe('nui-thanh-2023');
    expect(board.evaluation.totalAwarded).toBe(expected.totalAwarded);
    expect(board.evaluation.units.map((u: { unitId: string; score: string | null; rank: number | null; prize?: { id: string }; eligible: boolean }) => [u.unitId, u.score, u.rank, u.prize?.id ?? null, u.eligible])).toEqual(
      expected.units,
    );
    // The stored rules became version 2: exactly the preset.
    expect((await app.inject(api(expected.campaignId, 'rules'))).json().ruleSet).toEqual(JSON.parse(JSON.stringify(nuiThanh2023)));
    const snapshots = (await app.inject(api(expected.campaignId, 'snapshots'))).json().snapshots as { id: number; asOf: string; sha256: string; retracted: boolean }[];
    expect(snapshots.map((s) => [s.id, s.asOf, s.sha256, s.retracted]).reverse()).toEqual(oldSnapshots.map((s) => [s.id, s.as_of, s.sha256, s.retracted === 1]));
    // Old addresses still answer for it.
    expect((await app.inject('/api/leaderboard')).headers.location).toBe(api(expected.campaignId, 'leaderboard'));
    // The finalised campaign still refuses changes.
    const refused = await app.inject({ method: 'POST', url: api(expected.campaignId, 'admin/snapshots?asOf=2023-12-31'), headers: { ...auth, ...csvHeaders }, payload: 'x' });
    expect(refused.json().error).toBe('campaign_finalized');
    await app.close();

    const raw = new Database(db.dbPath, { readonly: true });
    expect((raw.prepare('SELECT COUNT(*) AS n FROM snapshot_rows').get() as { n: number }).n).toBe(oldRows.n);
    const values = raw.prepare('SELECT unit_id, values_json FROM snapshot_rows WHERE snapshot_id = 8 ORDER BY position').all() as { unit_id: string; values_json: string }[];
    expect(values.map((r) => [r.unit_id, JSON.parse(r.values_json)])).toEqual(
      oldUnits.map((u) => [u.unit_id, { resolvedTotal: u.resolved_total, resolvedOnline: u.resolved_online, resolvedOnlineOnTime: u.resolved_online_on_time, resolvedLate: u.resolved_late }]),
    );
    // Every old audit line is kept word for word, filed under the campaign; the conversion is audited.
    const audit = raw.prepare('SELECT id, at, actor, action, outcome, snapshot_id, detail_json, campaign_id FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
    expect(audit.slice(0, oldAudit.length).map(({ campaign_id: _c, ...rest }) => rest)).toEqual(oldAudit);
    expect(audit.slice(0, oldAudit.length).every((a) => a.campaign_id === expected.campaignId)).toBe(true);
    expect(audit.some((a) => a.action === 'rule_set_upgraded')).toBe(true);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => raw.prepare('SELECT * FROM snapshot_units').all()).toThrow(/no such table/);
    raw.close();
  });

  it('turns the generated admin token of 0.1.0 into the token of an administrator "admin", who gets a password shown once', async () => {
    const copy = tempDb();
    try {
      copyFileSync(fixture, copy.dbPath);
      // A 0.1.0 server started without ADMIN_TOKEN generated one and kept its SHA-256.
      const old = new Database(copy.dbPath);
      old.prepare('INSERT INTO admin_token (id, sha256, created_at) VALUES (1, ?, ?)').run(createHash('sha256').update('token-of-release-0.1').digest('hex'), '2024-01-02T03:04:05.000Z');
      old.close();
      const shown: { username: string; password: string }[] = [];
      const app = await buildApp({ dbPath: copy.dbPath, onAdministratorCreated: (c) => shown.push(c) });
      const viaOldToken = await app.inject({ url: '/api/admin/accounts', headers: { authorization: 'Bearer token-of-release-0.1' } });
      expect(viaOldToken.statusCode).toBe(200);
      expect(viaOldToken.json().accounts).toMatchObject([{ username: 'admin', displayName: 'Quản trị viên', grants: [{ role: 'admin', campaignId: '*' }], hasPassword: true }]);
      expect(shown).toEqual([{ username: 'admin', password: expect.any(String) }]);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: shown[0] ?? {} });
      expect(login.statusCode).toBe(200);
      // The old lines still say who acted as they did; new lines are said in words.
      const audit = (await app.inject({ url: '/api/admin/audit?limit=1000', headers: { authorization: 'Bearer token-of-release-0.1' } })).json().entries as { actor: string; actorName: string; action: string; text: { vi: string } }[];
      const oldRetraction = audit.find((e) => e.action === 'snapshot_retracted');
      expect(oldRetraction).toMatchObject({ actor: 'admin', actorName: 'admin' });
      expect(oldRetraction?.text.vi).toMatch(/^admin thu hồi kỳ số liệu số \d+$/);
      expect(audit.find((e) => e.action === 'signed_in')).toMatchObject({ actor: 'admin', actorName: 'Quản trị viên' });
      expect(audit.map((e) => e.text.vi)).toContain('Hệ thống tạo tài khoản "admin" cho Quản trị viên: quản trị viên (từ mã quản trị của phiên bản 0.1)');
      await app.close();
    } finally {
      copy.cleanup();
    }
  });
});

describe('campaign files (LEADERBOARD_CAMPAIGN)', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('refuses an invalid rule set or roster, naming every problem with its line', () => {
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
      expect(problems).toMatch(/campaign:\d+:\d+ .*Duplicate unit id "a"/);
      expect(problems).toMatch(/Group "villages" is not in the rule set/);
    }
    expect(() => campaignFromJson({ ruleSet: nuiThanh2023, roster: [] })).toThrow(CampaignFileError);
    expect(() => campaignFromJson({ ruleSet: nuiThanh2023, roster: nuiThanhRoster, extra: 1 })).toThrow(/unknown key "extra"/);
  });

  it('creates its campaign; a changed roster or rule set is brought up to date (audited); another file adds another campaign', async () => {
    const app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    expect((await app.inject(T('snapshots'))).json()).toEqual({ snapshots: [] });
    expect((await app.inject('/api/campaigns')).json().campaigns.map((c: { id: string }) => c.id)).toEqual([testCampaignId]);
    await app.close();
    const content = dumpContent(db.dbPath);

    // The same file again changes nothing.
    await (await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() })).close();
    expect(dumpContent(db.dbPath)).toEqual(content);

    // A smaller roster replaces the stored one.
    const smaller = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile(nuiThanhRoster.slice(1)) });
    expect((await smaller.inject(T('template.csv'))).body).not.toContain(nuiThanhRoster[0]?.id);
    await smaller.close();
    expect(auditLines(db.dbPath).at(-1)).toMatchObject({ action: 'roster_replaced', detail: { before: 29, after: 28 } });

    // A second district's file on the same server: both campaigns, the first stays the default.
    const other = { kind: 'file' as const, ...readCampaignFile(join(here, '../../../docs/examples/cuong-gian-2024-targets.campaign.json')) };
    const both = await startApp({ dbPath: db.dbPath, campaign: other });
    const list = (await both.inject('/api/campaigns')).json();
    expect(list.campaigns.map((c: { id: string }) => c.id)).toEqual([testCampaignId, cuongGian2024Targets.id]);
    expect(list.defaultCampaignId).toBe(testCampaignId);
    await both.close();
  });

  it('will not change the rules of a finalised campaign at start', async () => {
    const app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    const up = await app.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-12-31'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 7))) });
    expect(up.statusCode, up.body).toBe(201);
    expect((await app.inject(finalizeRequest(T('admin/finalize')))).statusCode).toBe(200);
    await app.close();
    const content = dumpContent(db.dbPath);
    const changed = { kind: 'file' as const, ...campaignFromJson({ id: testCampaignId, ruleSet: { ...nuiThanh2023, title: { vi: 'Khác', en: 'Other' } }, roster: nuiThanhRoster }) };
    await expect(buildApp({ dbPath: db.dbPath, campaign: changed })).rejects.toThrow(/is final/);
    expect(dumpContent(db.dbPath)).toEqual(content);
  });
});

describe('the documented example campaign (docs/examples)', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const examples = join(here, '../../../docs/examples');

  it('runs from its campaign file and accepts its sample statistics: targets met or not, no score', async () => {
    const app = await startApp({ dbPath: db.dbPath, campaign: { kind: 'file', ...readCampaignFile(join(examples, 'cuong-gian-2024-targets.campaign.json')) } });
    const C = (path: string) => api(cuongGian2024Targets.id, path);
    const board = (await app.inject(C('leaderboard'))).json();
    expect(board).toMatchObject({ snapshot: null, campaign: { id: cuongGian2024Targets.id, sample: false } });
    const res = await app.inject({ method: 'POST', url: C('admin/snapshots?asOf=2024-12-31'), headers: { ...auth, ...csvHeaders }, payload: readFileSync(join(examples, 'cuong-gian-2024-targets.csv')) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().snapshot.rowCount).toBe(5);
    const after = (await app.inject(C('leaderboard'))).json();
    expect(after.evaluation.units).toHaveLength(5);
    expect(after.evaluation.units.every((u: { score: unknown; targets: Record<string, boolean> }) => u.score === null && Object.keys(u.targets).length === 5)).toBe(true);
    await app.close();
  });
});
