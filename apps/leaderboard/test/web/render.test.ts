/**
 * The server rendering functions, fed the real campaigns (the demo on a temporary SQLite file):
 * what a reader without JavaScript receives. Every column, figure and rule comes from the rule set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, nuiThanh2023, type UnitInput } from '@thidua/scoring';
import type { CampaignsResponse, LeaderboardResponse } from '../../src/contract.js';
import { syntheticCampaign, syntheticStatistics, syntheticWeek, syntheticWeeklyCampaign } from '../../src/demo/synthetic.js';
import { buildApp } from '../../src/server/app.js';
import { leaderboardState, renderAdminPage, renderAwardAnnexPage, renderCampaignListPage, renderLeaderboardPage, renderUnitPage } from '../../src/server/pages/render.js';

const dir = mkdtempSync(join(tmpdir(), 'lb-render-'));
let app: FastifyInstance;
let data: LeaderboardResponse;
const assets = { public: { file: 'public-ABC.js', imports: ['chunk-X.js'] } };
const page = { locale: 'vi' as const, assets, group: 'communes', embed: false, query: '', show: 50 };

beforeAll(async () => {
  app = await buildApp({ dbPath: join(dir, 'db.sqlite'), adminToken: 'x'.repeat(24) });
  data = app.campaigns.require('nui-thanh-2023-demo').getLeaderboard();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const embeddedState = (html: string) => JSON.parse(/<script type="application\/json" id="lb-state">(.*?)<\/script>/s.exec(html)![1]!) as LeaderboardResponse;
const statsOf = (d: LeaderboardResponse, units: UnitInput[]): LeaderboardResponse => ({ ...d, evaluation: evaluate(units, nuiThanh2023) });

describe('renderLeaderboardPage', () => {
  it('says why a group lists no unit: nothing published, every unit short of the conditions (with the count), or no unit at all', () => {
    const departments = data.evaluation!.units.filter((u) => u.groupId === 'departments').length;
    const nothing = renderLeaderboardPage({ ...data, snapshot: null, evaluation: null }, { ...page, group: 'departments' });
    expect(nothing).toContain('Chưa có số liệu nào được công bố.');
    // Every department below the 100-case floor: none ranked.
    const stats = app.campaigns.require('nui-thanh-2023-demo').results.unitsOf(data.snapshot!.id);
    const short = stats.map((u) => (u.group === 'departments' ? { ...u, resolvedTotal: 10, resolvedOnline: 9, resolvedOnlineOnTime: 9, resolvedLate: 0 } : u));
    const ineligible = renderLeaderboardPage(statsOf(data, short), { ...page, group: 'departments' });
    expect(ineligible).toContain(`Không đơn vị nào được xếp hạng: cả ${departments} đơn vị của nhóm chưa đạt điều kiện`);
    const none = renderLeaderboardPage(statsOf(data, stats.filter((u) => u.group !== 'departments')), { ...page, group: 'departments' });
    expect(none).toContain('Nhóm này không có đơn vị nào trong danh sách.');
  });

  it('renders the selected group\u2019s ranked units, in rank order, with the published score and the rule set\u2019s figures', () => {
    const html = renderLeaderboardPage(data, page);
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
    const group = data.evaluation!.groups.find((g) => g.id === 'communes')!;
    let at = 0;
    for (const unitId of group.ranking) {
      const row = html.indexOf(`data-unit-id="${unitId}"`, at);
      expect(row, unitId).toBeGreaterThan(at);
      at = row;
      const unit = data.evaluation!.units.find((u) => u.unitId === unitId)!;
      expect(html.slice(row, row + 4000)).toContain((unit.score as string).replace('.', ','));
      expect(html.slice(row, row + 4000)).toContain(`data-figure="coefficient"`);
    }
    for (const f of data.campaign.rules.figures) expect(html).toContain(f.short.vi);
    expect(html).toContain('Dữ liệu minh họa');
    expect(html).toContain('Số liệu đến ngày 31/12/2023');
    // The rules in words: the floors and the tie rules.
    expect(html).toContain('Tỷ lệ trực tuyến ≥ 65%');
    expect(html).toContain('Bằng điểm thì xếp theo: Tỷ lệ trực tuyến cao hơn, Số hồ sơ trực tuyến cao hơn');
  });

  it('loads scripts only as external modules from /assets/', () => {
    const html = renderLeaderboardPage(data, { ...page, locale: 'en', group: '' });
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="module" src="/assets/public-ABC.js">', '<script type="application/json" id="lb-state">']);
    expect(html).toContain('<link rel="modulepreload" href="/assets/chunk-X.js">');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Figures as of 31/12/2023');
  });

  it('embeds the data the elements hydrate from, whole for a small campaign', () => {
    const html = renderLeaderboardPage(data, page);
    expect(embeddedState(html)).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('for a national roster paints the first rows and embeds only what it painted; the prize winners and search matches stay', () => {
    const big = syntheticCampaign(2000);
    const units = syntheticStatistics(big.roster, 6).units;
    const large = { ...data, rankChanges: {}, evaluation: evaluate(units, big.ruleSet) };
    const { state, complete } = leaderboardState(large, { group: 'communes', query: 'Đơn vị 1999', show: 50 });
    expect(complete).toBe(false);
    const kept = new Set(state.evaluation!.units.map((u) => u.unitId));
    expect(kept.size).toBeLessThan(200);
    const group = large.evaluation.groups.find((g) => g.id === 'communes')!;
    for (const id of group.ranking.slice(0, 50)) expect(kept.has(id)).toBe(true);
    for (const g of large.evaluation.groups) for (const p of g.prizes) expect(kept.has(p.unitId)).toBe(true);
    expect(kept.has('unit-01999')).toBe(true);
    const html = renderLeaderboardPage(large, { ...page, query: '' });
    expect(html.match(/<tr data-unit-id=/g)?.length).toBeLessThanOrEqual(110);
    expect(html).toContain('Xem thêm 50 đơn vị');
    expect(html).toContain('partial');
  });

  it('grows with the rows it shows, not with the roster: lists, ties and notes of the painted rows only', () => {
    const sizes = [2_000, 10_000].map((n) => {
      const race = syntheticWeeklyCampaign(n);
      const evaluation = evaluate(syntheticWeek(race.roster, 20).units, race.ruleSet, { gaps: false });
      const board = { ...data, rankChanges: {}, evaluation };
      const { state } = leaderboardState(board, { group: 'communes', query: '', show: 50 });
      const group = evaluation.groups.find((g) => g.id === 'communes')!;
      expect(group.ties.length).toBeGreaterThan(20); // the race has ties, as real ones do
      // Each group's lists hold the kept units only; their lengths travel apart.
      for (const g of state.evaluation!.groups) {
        const full = evaluation.groups.find((x) => x.id === g.id)!;
        expect(state.totals?.[g.id]).toEqual({ ranked: full.ranking.length, unranked: full.ineligibleUnitIds.length });
        expect(g.ranking.length).toBeLessThanOrEqual(60);
        expect(g.ties.length).toBeLessThanOrEqual(50);
      }
      const html = renderLeaderboardPage(board, { ...page, group: 'communes', query: '' });
      const notes = html.slice(html.indexOf('class="tie-notes"'), html.indexOf('</ul>', html.indexOf('class="tie-notes"')));
      expect(notes.match(/<li>/g)?.length ?? 0).toBeLessThanOrEqual(50);
      expect(notes).not.toMatch(/unit-\d{5}/); // every unit in a note is named, never a raw id
      expect(html).toContain(`Xem thêm 50 đơn vị`);
      return { html: html.length, state: JSON.stringify(state).length };
    });
    const [small, large] = sizes as [{ html: number; state: number }, { html: number; state: number }];
    expect(large.html / small.html).toBeLessThan(1.15);
    expect(large.state / small.state).toBeLessThan(1.15);
  });

  it('cannot be broken out of by a hostile unit name', () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const units = data.evaluation!.units.map((u, i) => (i === 0 ? { ...u, unitName: evil } : u));
    const hostile = { ...data, evaluation: { ...data.evaluation!, units } };
    const html = renderLeaderboardPage(hostile, { ...page, group: '' });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(embeddedState(html).evaluation!.units[0]!.unitName).toBe(evil);
  });

  it('shows a class in words for the 766 index, and targets met or not for a rule set of targets', async () => {
    const index = app.campaigns.require('qd766-quang-nam-2024-demo').getLeaderboard();
    const html = renderLeaderboardPage(index, { ...page, group: '' });
    const first = index.evaluation!.units[0]!;
    const label = index.campaign.rules.classes.find((c) => c.id === first.class)!.label.vi;
    const row = html.indexOf(`data-unit-id="${first.unitId}"`);
    expect(html.slice(row, row + 3000)).toContain(`data-class="${first.class}"`);
    expect(html.slice(row, row + 3000)).toContain(label);
    expect(html).toContain('Xếp loại theo điểm: Xuất sắc ≥ 90');
  });
});

describe('before anything is published', () => {
  it('says so plainly, on the public page and on a unit page', () => {
    const empty: LeaderboardResponse = { ...data, snapshot: null, previousSnapshot: null, evaluation: null, rankChanges: {} };
    const html = renderLeaderboardPage(empty, { ...page, group: '' });
    expect(html).toContain('Chưa có số liệu nào được công bố.');
    expect(html).not.toContain('data-unit-id=');
    const unit = app.campaigns.require('nui-thanh-2023-demo').getUnit(data.evaluation!.units[0]!.unitId)!;
    const unitHtml = renderUnitPage({ ...unit, snapshot: null, result: null, explanation: null, inputs: null, rankChange: null, history: [] }, { locale: 'en', assets: {}, explain: false });
    expect(unitHtml).toContain('No figures have been published yet.');
  });
});

describe('prizes the library leaves vacant or undecided', () => {
  const inputs = (): UnitInput[] => app.campaigns.require('nui-thanh-2023-demo').results.unitsOf(data.snapshot!.id).map((u) => ({ ...u }));

  it("says a tie across a prize boundary is for the committee to decide, in the library's words", () => {
    const units = inputs();
    const communes = data.evaluation!.groups.find((g) => g.id === 'communes')!.ranking;
    const fifth = units.find((u) => u.id === communes[4])!;
    const sixth = units.find((u) => u.id === communes[5])!;
    Object.assign(sixth, { ...fifth, id: sixth.id, name: sixth.name });
    const tied = statsOf(data, units);
    const undecided = tied.evaluation!.groups.find((g) => g.id === 'communes')!.undecided;
    expect(undecided.length).toBe(1);
    const html = renderLeaderboardPage(tied, page);
    expect(html).toContain('Chưa quyết định');
    expect(html).toContain(undecided[0]!.message.vi);
    // Equal on the score and on both tie rules: the note names the figures they share.
    expect(html).toMatch(/Đồng hạng với [\d,]+ điểm, cùng Tỷ lệ trực tuyến [\d,]+%, Số hồ sơ trực tuyến [\d.]+: /);
  });

  it('a tie the tie rule decides names each unit with the figure that decided it', () => {
    const units = inputs();
    const communes = data.evaluation!.groups.find((g) => g.id === 'communes')!.ranking;
    const fifth = units.find((u) => u.id === communes[4])!;
    const sixth = units.find((u) => u.id === communes[5])!;
    // The same score (on-time cases, total, late, bracket), one more online case: the online share decides.
    Object.assign(sixth, { ...fifth, id: sixth.id, name: sixth.name, resolvedOnline: (fifth.resolvedOnline as number) + 1 });
    const tied = statsOf(data, units);
    const tie = tied.evaluation!.groups.find((g) => g.id === 'communes')!.ties.find((t) => t.unitIds.includes(sixth.id))!;
    expect(tie.decidedBy).toEqual([0]);
    const html = renderLeaderboardPage(tied, page);
    const notes = html.slice(html.indexOf('class="tie-notes"'), html.indexOf('</ul>', html.indexOf('class="tie-notes"')));
    const share = (id: string) => `${tie.figures![tie.unitIds.indexOf(id)]![0]!.replace('.', ',')}%`;
    expect(notes).toContain(`${sixth.name} (${share(sixth.id)}) › ${fifth.name} (${share(fifth.id)}) (theo Tỷ lệ trực tuyến cao hơn)`);
  });

  it('says a vacant prize is vacant', () => {
    // Every commune between the 65% floor and the 70% first-prize floor: no first prize.
    const units = inputs().map((u) => (u.group === 'communes' ? { ...u, resolvedTotal: 1000, resolvedOnline: 670, resolvedOnlineOnTime: 600 + u.id.length, resolvedLate: 5 } : u));
    const vacant = statsOf(data, units);
    expect(vacant.evaluation!.groups.find((g) => g.id === 'communes')!.vacantPrizes).toContain('first');
    const html = renderLeaderboardPage(vacant, page);
    expect(html).toMatch(/data-prize="first" class="vacant"/);
    expect(html).toContain('Để trống');
  });
});

describe('renderUnitPage, renderCampaignListPage and renderAdminPage', () => {
  it("renders a unit's standing, gaps in words and history; its working only when asked", () => {
    const campaign = app.campaigns.require('nui-thanh-2023-demo');
    const unitId = data.evaluation!.units.find((u) => u.eligible && u.rank! > 1)!.unitId;
    const unit = campaign.getUnit(unitId)!;
    const html = renderUnitPage(unit, { locale: 'vi', assets: {}, explain: false });
    expect(html).toContain(unit.unitNames[unit.result!.gaps!.passUnitAbove!.unitId]!);
    expect(html).toContain('hồ sơ trực tuyến đúng hạn');
    expect(html.match(/<tr data-snapshot-id=/g)?.length).toBe(unit.history.length);
    expect(html).toContain('href="?explain=1#working"');
    expect(html).not.toContain('data-step=');
    const worked = renderUnitPage(unit, { locale: 'vi', assets: {}, explain: true });
    for (const step of unit.explanation!.steps) expect(worked).toContain(`data-step="${step.id}"`);
    expect(worked).toContain(`Văn bản, mục ${unit.explanation!.steps[0]!.citation!.section}`);
  });

  it("renders the CCHC scorecard's criteria tree with the document's sub-totals and the assessors' comments", () => {
    const card = app.campaigns.require('thuy-thanh-cchc-2022').getUnit('thuy-thanh')!;
    const html = renderUnitPage(card, { locale: 'vi', assets: {}, explain: true });
    expect(html).toContain('78,636');
    expect(html).toContain('văn bản ghi 49,97');
    expect(html).toContain('hoàn thành 80%.');
    expect(html).toContain('Chính thức');
  });

  it('renders the list of campaigns with their leaders', () => {
    const list: CampaignsResponse = { defaultCampaignId: 'nui-thanh-2023-demo', campaigns: app.campaigns.list().map((c) => c.summary()) };
    const html = renderCampaignListPage(list, { locale: 'vi', assets: {} });
    for (const c of list.campaigns) {
      expect(html).toContain(`href="/c/${c.id}/"`);
      for (const g of c.leaders) for (const u of g.units) expect(html).toContain(u.unitName);
    }
  });

  it('renders the admin page for no one to index; it asks the server who is signed in once its script runs', () => {
    const html = renderAdminPage({ locale: 'vi', assets: {}, campaignId: 'nui-thanh-2023-demo' });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('Quản trị các đợt thi đua');
    expect(html).toContain('Đang xử lý…');
    expect(html).not.toContain('id="password"');
  });

  it('renders the award list as the decision\u2019s annex, provisional until final', () => {
    const board = app.campaigns.require('nui-thanh-2023-demo').getLeaderboard();
    const data = { campaign: board.campaign, status: board.status, snapshot: board.snapshot, evaluation: board.evaluation, finalisation: null, printedAt: '2024-01-20T02:00:00.000Z' };
    const html = renderAwardAnnexPage(data, { locale: 'vi', assets: {} });
    expect(html).toContain('PHỤ LỤC');
    expect(html).toContain('BẢN TẠM TÍNH — CHƯA PHẢI KẾT QUẢ CHÍNH THỨC');
    expect(html).toContain('In lúc 09:00 ngày 20/01/2024');
    expect(html).not.toContain('<script');
    for (const g of board.evaluation?.groups ?? []) for (const p of g.prizes) expect(html).toContain(p.unitName);
    const final = renderAwardAnnexPage(
      { ...data, status: 'final', finalisation: { snapshotId: 1, asOf: '2023-12-31', finalizedBy: 'Lê Văn C', finalizedAt: '2024-01-16T01:00:00.000Z', decision: { number: '125/QĐ-UBND', date: '2024-01-15', signerName: 'Nguyễn Văn Bình', signerTitle: 'Chủ tịch UBND huyện' } } },
      { locale: 'vi', assets: {} },
    );
    expect(final).toContain('(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/01/2024 của Chủ tịch UBND huyện)');
    expect(final).not.toContain('BẢN TẠM TÍNH');
    expect(final).toContain('Nguyễn Văn Bình');
  });
});
