import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cuongGian2024Targets, type Evaluation, type RuleSet } from '@thidua/scoring';
import { buildApp } from '../../../apps/leaderboard/src/server/app.js';
import { readCampaignFile } from '../../../apps/leaderboard/src/server/campaign-source.js';
import { examplesDir, repoDir, tempDir, thidua } from './helpers.js';

/**
 * A second district, for real: the leaderboard started on docs/examples' campaign file (another
 * shape of plan — targets met or not — another roster, one group, another period) over real HTTP,
 * fed the example statistics, and checked against the command line: nothing in the code may be
 * specific to Núi Thành.
 */

const campaignPath = join(examplesDir, 'cuong-gian-2024-targets.campaign.json');
const statsPath = join(examplesDir, 'cuong-gian-2024-targets.csv');
const token = 'adoption-test-token-0123456789abcdef';
const id = cuongGian2024Targets.id;
const api = (path: string) => `/api/campaigns/${id}/${path}`;

describe('the example campaign file and case table describe the same preset', () => {
  it('the campaign file holds exactly the cuong-gian-2024-targets preset and a roster in its one group', () => {
    const campaign = JSON.parse(readFileSync(campaignPath, 'utf8')) as { id: string; ruleSet: RuleSet; roster: { id: string; group: string }[] };
    expect(campaign.ruleSet).toEqual(cuongGian2024Targets);
    expect(campaign.roster.length).toBeGreaterThanOrEqual(5);
    expect(new Set(campaign.roster.map((u) => u.group))).toEqual(new Set(['one-stop-shop']));
    expect(thidua(['rules', 'check', campaignPath]).code).toBe(0);
    const rules = join(tempDir('rules'), 'rules.json');
    writeFileSync(rules, JSON.stringify(campaign.ruleSet, null, 2));
    expect(thidua(['rules', 'check', rules]).code).toBe(0);
  });

  it('the case table runs under this very preset', () => {
    const table = JSON.parse(readFileSync(join(repoDir, 'packages/scoring/test/cases/targets.json'), 'utf8')) as { cases: { preset?: string }[] };
    expect(table.cases.filter((c) => c.preset === id).length).toBeGreaterThan(0);
  });
});

describe('the leaderboard runs the example campaign', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  let dir: string;
  const admin = { authorization: `Bearer ${token}` };

  beforeAll(async () => {
    dir = tempDir('adoption');
    app = await buildApp({ dbPath: join(dir, 'leaderboard.sqlite'), campaign: { kind: 'file', ...readCampaignFile(campaignPath) }, adminToken: token });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the rule set, the campaign and an empty leaderboard, with no trace of Núi Thành', async () => {
    const rules = (await (await fetch(`${base}${api('rules')}`)).json()) as { ruleSet: RuleSet };
    expect(rules.ruleSet).toEqual(cuongGian2024Targets);
    const list = (await (await fetch(`${base}/api/campaigns`)).json()) as { defaultCampaignId: string; campaigns: { id: string }[] };
    expect(list.campaigns.map((c) => c.id)).toEqual([id]);
    expect(list.defaultCampaignId).toBe(id);
    const board = (await (await fetch(`${base}${api('leaderboard')}`)).json()) as {
      campaign: { id: string; ruleSetId: string; sample: boolean; rules: { scored: boolean; groups: { id: string; prizes: unknown[] }[]; targets: { id: string }[] } };
      snapshot: unknown;
    };
    expect(board.campaign).toMatchObject({ id, ruleSetId: id, sample: false });
    expect(board.campaign.rules.scored).toBe(false);
    expect(board.campaign.rules.groups.map((g) => [g.id, g.prizes.length])).toEqual([['one-stop-shop', 0]]);
    expect(board.campaign.rules.targets.map((t) => t.id)).toEqual(cuongGian2024Targets.targets?.map((t) => t.id));
    expect(board.snapshot).toBeNull();
    for (const path of ['/', `/c/${id}/`]) {
      const page = await fetch(`${base}${path}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Cương Gián');
      expect(html).not.toContain('Núi Thành');
    }
    const template = await (await fetch(`${base}${api('template.csv')}`)).text();
    expect(template).toContain('Tư pháp - Hộ tịch');
    expect(template).toContain('Số lượt đánh giá hài lòng');
  });

  it('refuses a statistics file of another campaign, by row, and stores nothing', async () => {
    const nuiThanhFile = 'unit_id,unit_name,group,resolved_total,resolved_online,resolved_online_on_time,resolved_late\r\ntam-hai,Xã Tam Hải,communes,500,400,390,5\r\n';
    const res = await fetch(`${base}${api('admin/snapshots?asOf=2024-06-30')}`, { method: 'POST', headers: { ...admin, 'content-type': 'text/csv' }, body: nuiThanhFile });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { row: number | null; code: string }[] };
    expect(body.error).toBe('invalid_stats_file');
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'missing_column' })]));
    const outside = await fetch(`${base}${api('admin/snapshots?asOf=2023-12-31')}`, { method: 'POST', headers: { ...admin, 'content-type': 'text/csv' }, body: readFileSync(statsPath) });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { error: string }).error).toBe('as_of_outside_period');
    const snapshots = (await (await fetch(`${base}${api('snapshots')}`)).json()) as { snapshots: unknown[] };
    expect(snapshots.snapshots).toEqual([]);
  });

  it('accepts the example statistics and publishes the same evaluation the command line computes', async () => {
    const res = await fetch(`${base}${api('admin/snapshots?asOf=2024-06-30')}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv', 'x-file-name': 'cuong-gian-2024-targets.csv' },
      body: readFileSync(statsPath),
    });
    expect(res.status).toBe(201);
    const board = (await (await fetch(`${base}${api('leaderboard')}`)).json()) as { evaluation: Evaluation; snapshot: { asOf: string } };
    expect(board.snapshot.asOf).toBe('2024-06-30');

    const cli = thidua(['score', statsPath, '--rules', id, '--format', 'json']);
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout) as Evaluation;
    expect(board.evaluation).toEqual({ ...expected, units: expected.units.map(({ gaps: _gaps, ...u }) => u) });
    expect(board.evaluation.totalAwarded).toBe(0);

    // Each unit's page: its targets met or not, and the cases still needed — as the library counts them.
    const unit = expected.units.find((u) => Object.values(u.targets ?? {}).some((met) => !met))!;
    const detail = (await (await fetch(`${base}${api(`units/${unit.unitId}`)}`)).json()) as { result: Evaluation['units'][number] };
    expect(detail.result).toEqual(unit);
    const html = await (await fetch(`${base}/c/${id}/units/${unit.unitId}`)).text();
    const missed = Object.entries(unit.gaps?.targets ?? {}).find(([, n]) => n !== null);
    if (missed) expect(html).toContain(`cần thêm ${Number(missed[1]).toLocaleString('vi-VN')}`);
    const page = await (await fetch(`${base}/c/${id}/`)).text();
    expect(page).toContain('Chưa đạt');
  });

  it("the server's award bundle verifies with the command line, against the uploaded file too", async () => {
    const res = await fetch(`${base}${api('export/award-bundle.json')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`ho-so-ket-qua-${id}-2024-06-30-tam-tinh.json`);
    const text = await res.text();
    const bundle = JSON.parse(text) as { ruleSet: RuleSet; publication: { asOf: string; status: string }; input: { fileName: string } };
    expect(bundle.ruleSet).toEqual(cuongGian2024Targets);
    expect(bundle.publication).toMatchObject({ asOf: '2024-06-30', status: 'provisional', campaignId: id });
    expect(bundle.input.fileName).toBe('cuong-gian-2024-targets.csv');
    const file = join(dir, 'award-bundle.json');
    writeFileSync(file, text);
    const verified = thidua(['verify', file, '--stats', statsPath]);
    expect(verified.stdout).toContain('mọi con số khớp');
    expect(verified.code).toBe(0);
    const local = JSON.parse(thidua(['bundle', statsPath, '--rules', id]).stdout) as { input: { sha256: string } };
    expect(local.input.sha256).toBe((JSON.parse(text) as { input: { sha256: string } }).input.sha256);
    const missing = await fetch(`${base}${api('export/award-bundle.json?asOf=2024-01-31')}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('no_snapshot');
  });
});
