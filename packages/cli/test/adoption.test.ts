import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cuongGian2024Example, type Evaluation, type RuleSet } from '@thidua/scoring';
import { buildApp } from '../../../apps/leaderboard/src/server/app.js';
import { readCampaignFile } from '../../../apps/leaderboard/src/server/campaign-source.js';
import { awardBundleRoutes } from '../../../apps/leaderboard/src/server/routes/award-bundle.js';
import { examplesDir, repoDir, tempDir, thidua } from './helpers.js';

/**
 * A second district, for real: the leaderboard started on docs/examples' campaign file (another
 * rule set, another roster, one group, another period) over real HTTP, fed the example statistics,
 * and checked against the command line — nothing in the code may be specific to Núi Thành.
 */

const campaignPath = join(examplesDir, 'cuong-gian-2024-example.campaign.json');
const statsPath = join(examplesDir, 'cuong-gian-2024-example.stats.csv');
const token = 'adoption-test-token-0123456789abcdef';

describe('the example campaign file and case table describe the same preset', () => {
  it('the campaign file holds exactly the cuong-gian-2024-example preset and a roster in its one group', () => {
    const campaign = JSON.parse(readFileSync(campaignPath, 'utf8')) as { id: string; ruleSet: RuleSet; roster: { id: string; group: string }[] };
    expect(campaign.ruleSet).toEqual(cuongGian2024Example);
    expect(campaign.roster.length).toBeGreaterThanOrEqual(5);
    expect(new Set(campaign.roster.map((u) => u.group))).toEqual(new Set(['desks']));
    expect(thidua(['rules', 'check', campaignPath]).code).toBe(0);
    const rules = join(tempDir('rules'), 'rules.json');
    writeFileSync(rules, JSON.stringify(campaign.ruleSet, null, 2));
    expect(thidua(['rules', 'check', rules]).code).toBe(0);
  });

  it('the case table runs under this very preset', () => {
    const table = JSON.parse(readFileSync(join(repoDir, 'packages/scoring/test/cases/cuong-gian-2024-example.json'), 'utf8')) as {
      cases: { preset?: string }[];
    };
    expect(table.cases.length).toBeGreaterThan(0);
    for (const c of table.cases) expect(c.preset).toBe(cuongGian2024Example.id);
  });
});

describe('the leaderboard runs the example campaign', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  let dir: string;
  const admin = { authorization: `Bearer ${token}` };

  beforeAll(async () => {
    dir = tempDir('adoption');
    app = await buildApp({ dbPath: join(dir, 'leaderboard.sqlite'), campaign: readCampaignFile(campaignPath), adminToken: token });
    // The lead registers the award-bundle export in app.ts; until then this test adds it itself.
    if (!app.hasRoute({ method: 'GET', url: '/api/export/award-bundle.json' })) await app.register(awardBundleRoutes);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the rule set, the campaign and an empty leaderboard, with no trace of Núi Thành', async () => {
    const rules = (await (await fetch(`${base}/api/rules`)).json()) as { ruleSet: RuleSet };
    expect(rules.ruleSet).toEqual(cuongGian2024Example);
    const board = (await (await fetch(`${base}/api/leaderboard`)).json()) as {
      campaign: { id: string; ruleSetId: string; sample: boolean; groups: { id: string; prizes: { id: string; count: number }[] }[] };
      snapshot: unknown;
    };
    expect(board.campaign.id).toBe('cuong-gian-2024-example');
    expect(board.campaign.ruleSetId).toBe('cuong-gian-2024-example');
    expect(board.campaign.sample).toBe(false);
    expect(board.campaign.groups.map((g) => g.id)).toEqual(['desks']);
    expect(board.campaign.groups[0]?.prizes.map((p) => [p.id, p.count])).toEqual([['first', 1], ['second', 1], ['encouragement', 2]]);
    expect(board.snapshot).toBeNull();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Cương Gián');
    expect(html).not.toContain('Núi Thành');
    const template = await (await fetch(`${base}/api/template.csv`)).text();
    expect(template).toContain('Tư pháp - Hộ tịch');
  });

  it('refuses a statistics file of another campaign, by row, and stores nothing', async () => {
    const nuiThanhFile = 'unit_id,unit_name,group,resolved_total,resolved_online,resolved_online_on_time,resolved_late\r\ntam-hai,Xã Tam Hải,communes,500,400,390,5\r\n';
    const res = await fetch(`${base}/api/admin/snapshots?asOf=2024-06-30`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: nuiThanhFile,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { row: number | null; code: string }[] };
    expect(body.error).toBe('invalid_stats_file');
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, code: 'unknown_group' })]));
    const outside = await fetch(`${base}/api/admin/snapshots?asOf=2023-12-31`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: readFileSync(statsPath),
    });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { error: string }).error).toBe('as_of_outside_period');
    const snapshots = (await (await fetch(`${base}/api/snapshots`)).json()) as { snapshots: unknown[] };
    expect(snapshots.snapshots).toEqual([]);
  });

  it('accepts the example statistics and publishes the same evaluation the command line computes', async () => {
    const res = await fetch(`${base}/api/admin/snapshots?asOf=2024-06-30`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv', 'x-file-name': 'cuong-gian-2024-example.stats.csv' },
      body: readFileSync(statsPath),
    });
    expect(res.status).toBe(201);
    const board = (await (await fetch(`${base}/api/leaderboard`)).json()) as { evaluation: Evaluation; snapshot: { asOf: string; sha256: string } };
    expect(board.snapshot.asOf).toBe('2024-06-30');

    const cli = thidua(['score', statsPath, '--rules', 'cuong-gian-2024-example', '--format', 'json']);
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout) as Evaluation;
    expect(board.evaluation).toEqual(expected);
    expect(board.evaluation.ruleSetId).toBe('cuong-gian-2024-example');
    expect(board.evaluation.groups[0]?.prizes.map((p) => p.prizeId)).toEqual(['first', 'second', 'encouragement', 'encouragement']);
    expect(board.evaluation.totalAwarded).toBe(3_500_000);

    const html = await (await fetch(`${base}/`)).text();
    const winner = expected.groups[0]?.prizes[0];
    expect(html).toContain(winner?.unitName);
  });

  it("the server's award bundle verifies with the command line, against the uploaded file too", async () => {
    const res = await fetch(`${base}/api/export/award-bundle.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('ho-so-ket-qua-cuong-gian-2024-example-2024-06-30-tam-tinh.json');
    const text = await res.text();
    const bundle = JSON.parse(text) as { ruleSet: RuleSet; publication: { asOf: string; status: string }; input: { fileName: string } };
    expect(bundle.ruleSet).toEqual(cuongGian2024Example);
    expect(bundle.publication).toMatchObject({ asOf: '2024-06-30', status: 'provisional', campaignId: 'cuong-gian-2024-example' });
    expect(bundle.input.fileName).toBe('cuong-gian-2024-example.stats.csv');
    const file = join(dir, 'award-bundle.json');
    writeFileSync(file, text);
    const verified = thidua(['verify', file, '--stats', statsPath]);
    expect(verified.stdout).toContain('mọi con số khớp');
    expect(verified.code).toBe(0);

    // The CLI's own bundle of the same file carries the same input hash as the server's.
    const local = JSON.parse(thidua(['bundle', statsPath, '--rules', 'cuong-gian-2024-example']).stdout) as { input: { sha256: string } };
    expect(local.input.sha256).toBe((JSON.parse(text) as { input: { sha256: string } }).input.sha256);

    const missing = await fetch(`${base}/api/export/award-bundle.json?asOf=2024-01-31`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('no_snapshot');
  });
});
