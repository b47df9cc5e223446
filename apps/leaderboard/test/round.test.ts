import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundOverview, RoundSheet } from '../src/contract-round.js';
import { sampleRoundId } from '../src/demo/cchc-round-sample.js';
import { auditLines, auth, decision, dumpContent, startApp, tempDb } from './helpers.js';
import { createAccount, tokenFor } from './auth-helpers.js';
import { pdfBytes, roundPhases, zipBombDocx } from './round-fixtures.js';

/**
 * The index round through real HTTP (inject) on a real SQLite file (issue 15; ADR 0020): the demo's
 * synthetic round, its phases set by the administrator, a clock the test moves through them. Each
 * refusal names the phase's dates or the reason, and stores nothing.
 */

const id = sampleRoundId;
const base = `/api/campaigns/${id}/round`;
const json = { 'content-type': 'application/json' };
describe('an index round, phase by phase', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let now = new Date('2024-03-02T02:00:00Z');
  const h: Record<'o1' | 'o2' | 'appraiser' | 'council' | 'clerk', Record<string, string>> = { o1: {}, o2: {}, appraiser: {}, council: {}, clerk: {} };
  let overview: RoundOverview;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, clock: () => now });
    const set = await app.inject({ method: 'PUT', url: `/api/campaigns/${id}/admin/round`, headers: { ...auth, ...json }, payload: roundPhases });
    expect(set.statusCode, set.body).toBe(200);
    const people = {
      o1: await createAccount(app, 'can-bo-1', 'Nguyễn Thị Một', [{ role: 'officer', campaignId: id, unitId: 'xa-01' }]),
      o2: await createAccount(app, 'can-bo-2', 'Trần Văn Hai', [{ role: 'officer', campaignId: id, unitId: 'xa-02' }]),
      appraiser: await createAccount(app, 'to-giup-viec', 'Lê Thị Thẩm', [{ role: 'appraiser', campaignId: id }]),
      council: await createAccount(app, 'hoi-dong', 'Phạm Văn Đồng', [{ role: 'council', campaignId: id }]),
      clerk: await createAccount(app, 'thu-ky', 'Võ Thị Ký', [{ role: 'clerk', campaignId: id }]),
    };
    for (const [k, p] of Object.entries(people)) h[k as keyof typeof h] = await tokenFor(app, p.id);
    overview = (await app.inject({ url: base, headers: h.council })).json() as RoundOverview;
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  const self = () => overview.criteria.filter((c) => overview.criteria.indexOf(c) >= 0 && c.evidenceRequired);
  const put = (who: keyof typeof h, path: string, payload: unknown) => app.inject({ method: 'PUT', url: `${base}${path}`, headers: { ...h[who], ...json }, payload: payload as object });
  const post = (who: keyof typeof h, path: string, payload: unknown = {}) => app.inject({ method: 'POST', url: `${base}${path}`, headers: { ...h[who], ...json }, payload: payload as object });
  const sheet = async (who: keyof typeof h, unit: string) => (await app.inject({ url: `${base}/units/${unit}`, headers: h[who] })).json() as RoundSheet;

  it('lists the criteria of the tree, self-assessed ones (group I) needing evidence, the survey appraised only', () => {
    expect(overview.criteria.length).toBeGreaterThan(30);
    expect(overview.units).toHaveLength(10);
    const survey = overview.criteria.find((c) => c.id === '9');
    expect(survey?.evidenceRequired).toBe(false);
    expect(overview.criteria.find((c) => c.id === '1.1.1')).toMatchObject({ taskId: '1', max: '1.0', evidenceRequired: true });
    expect(overview.openPhase).toBe('self_assessment');
  });

  it('shows an officer their own unit only, and refuses another unit (403) without storing', async () => {
    const mine = (await app.inject({ url: base, headers: h.o2 })).json() as RoundOverview;
    expect(mine.units.map((u) => u.unitId)).toEqual(['xa-02']);
    expect(mine.may.selfAssess).toEqual(['xa-02']);
    const before = dumpContent(db.dbPath).round_entries;
    expect((await app.inject({ url: `${base}/units/xa-01`, headers: h.o2 })).statusCode).toBe(403);
    expect((await put('o2', '/units/xa-01/criteria/1.1.1/self', { points: '0.5', note: '' })).statusCode).toBe(403);
    expect((await put('clerk', '/units/xa-01/criteria/1.1.1/self', { points: '0.5', note: '' })).statusCode).toBe(403);
    expect(dumpContent(db.dbPath).round_entries).toEqual(before);
  });

  it('saves a draft ("0,5" read as 0.5), refuses points over the maximum and "x" where the criterion always arises', async () => {
    const saved = await put('o1', '/units/xa-01/criteria/1.1.1/self', { points: '0,5', note: 'Kế hoạch số 12/KH-UBND' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().entry.self).toMatchObject({ points: '0.5', note: 'Kế hoạch số 12/KH-UBND', by: 'Nguyễn Thị Một' });
    const over = await put('o1', '/units/xa-01/criteria/1.1.1/self', { points: '1.25', note: '' });
    expect(over.statusCode).toBe(422);
    expect(over.json().message).toMatch(/vượt điểm tối đa 1.0 .* exceed the maximum 1.0/);
    const x = await put('o1', '/units/xa-01/criteria/1.1.1/self', { points: 'x', note: '' });
    expect(x.statusCode).toBe(422);
    expect(x.json().message).toContain('không được ghi "x"');
    expect((await sheet('o1', 'xa-01')).entries.find((e) => e.criterionId === '1.1.1')?.self.points).toBe('0.5');
    const survey = await put('o1', '/units/xa-01/criteria/9/self', { points: '20', note: '' });
    expect(survey.statusCode).toBe(409);
    expect(survey.json().error).toBe('not_self_assessed');
  });

  it('keeps a PDF and serves it back byte-identical, to the unit and its appraisers only, with its headers', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
      headers: { ...h.o1, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('Kế hoạch 12.pdf') },
      payload: pdfBytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json().file as { id: number; url: string; sha256: string; name: string; size: number };
    expect(file).toMatchObject({ name: 'Kế hoạch 12.pdf', size: pdfBytes.length });
    for (const who of ['o1', 'appraiser', 'council'] as const) {
      const back = await app.inject({ url: file.url, headers: h[who] });
      expect(back.statusCode).toBe(200);
      expect(back.rawPayload.equals(pdfBytes)).toBe(true);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      expect(back.headers['content-disposition']).toBe(`inline; filename="K_ ho_ch 12.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 12.pdf')}`);
    }
    expect((await app.inject({ url: file.url, headers: h.o2 })).statusCode).toBe(403);
    expect((await app.inject({ url: file.url })).statusCode).toBe(401);
    // An HTML page named .pdf is refused before anything is stored.
    const before = dumpContent(db.dbPath).evidence_files;
    const html = await app.inject({
      method: 'POST',
      url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
      headers: { ...h.o1, 'content-type': 'application/pdf', 'x-file-name': 'bao-cao.pdf' },
      payload: Buffer.from('<!doctype html><script>alert(1)</script>'),
    });
    expect(html.statusCode).toBe(422);
    expect(html.json().issues[0].code).toBe('evidence_type_not_allowed');
    // An SVG, and a ZIP bomb dressed as a DOCX, over HTTP too.
    for (const [bytes, name, code] of [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'so-do.svg', 'evidence_type_not_allowed'],
      [zipBombDocx(), 'bao-cao.docx', 'evidence_zip_unsafe'],
    ] as const) {
      const refused = await app.inject({
        method: 'POST',
        url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
        headers: { ...h.o1, 'content-type': 'application/octet-stream', 'x-file-name': name },
        payload: bytes,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().issues[0].code).toBe(code);
    }
    const path = await app.inject({
      method: 'POST',
      url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
      headers: { ...h.o1, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('../../etc/passwd.pdf') },
      payload: pdfBytes,
    });
    expect(path.json().issues[0].code).toBe('evidence_bad_name');
    const big = await app.inject({
      method: 'POST',
      url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
      headers: { ...h.o1, 'content-type': 'application/pdf', 'x-file-name': 'to.pdf' },
      payload: Buffer.concat([pdfBytes, Buffer.alloc(21 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(dumpContent(db.dbPath).evidence_files).toEqual(before);
  });

  it('shows progress, and missing evidence where a criterion needs it', async () => {
    await put('o1', '/units/xa-01/criteria/1.1.2/self', { points: '0.8', note: '' });
    const s = await sheet('o1', 'xa-01');
    expect(s.state).toMatchObject({ done: 2, missingEvidence: 1 });
    expect(s.state.total).toBe(self().length);
    // Points of 0 need no evidence.
    await put('o1', '/units/xa-01/criteria/2.1.1/self', { points: '0', note: '' });
    expect((await sheet('o1', 'xa-01')).state).toMatchObject({ done: 3, missingEvidence: 1 });
    const listed = (await app.inject({ url: base, headers: h.council })).json() as RoundOverview;
    expect(listed.units.find((u) => u.unitId === 'xa-01')).toMatchObject({ done: 3, missingEvidence: 1, appraised: 0 });
  });

  it('locks the self-assessment at "Nộp"; withdrawing opens it while the phase is open', async () => {
    expect((await post('o1', '/units/xa-01/submit')).statusCode).toBe(200);
    const locked = await put('o1', '/units/xa-01/criteria/1.2/self', { points: '0.5', note: '' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toBe('self_assessment_submitted');
    expect((await post('o1', '/units/xa-01/withdraw')).statusCode).toBe(200);
    expect((await put('o1', '/units/xa-01/criteria/1.2/self', { points: '0.5', note: '' })).statusCode).toBe(200);
    expect((await post('o1', '/units/xa-01/submit')).statusCode).toBe(200);
  });

  it('refuses an action outside its phase, naming the phase and its dates in both languages', async () => {
    const early = await put('appraiser', '/units/xa-01/criteria/1.1.1/appraisal', { points: '0.5', comment: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe(
      'Ngoài thời gian của giai đoạn: Chỉ làm được trong giai đoạn thẩm định (mở lúc 17:00 ngày 15/03/2024, đóng lúc 12:00 ngày 25/03/2024): giai đoạn này chưa mở. — ' +
        'Outside the phase: Only in the appraisal phase (opens at 17:00 on 15/03/2024, closes at 12:00 on 25/03/2024): it is not open yet.',
    );
    now = new Date('2024-03-16T02:00:00Z');
    const late = await post('o1', '/units/xa-01/withdraw');
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('giai đoạn này đã đóng');
    const refusals = auditLines(db.dbPath).filter((l) => l.outcome === 'refused' && l.action === 'round_withdraw');
    expect(refusals.at(-1)?.detail.error).toBe('outside_phase');
  });

  it('lets the appraiser agree with a whole task at once ("Thống nhất"), score with comments, and hides the appraisal from the unit until the explanation phase', async () => {
    const agreed = await post('appraiser', '/units/xa-01/agree', { taskId: '1' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().changed).toBe(3);
    const scored = await put('appraiser', '/units/xa-01/criteria/1.1.2/appraisal', { points: '0.4', comment: 'Tài liệu kiểm chứng không đầy đủ, không đúng quy định' });
    expect(scored.json().entry.appraisal).toMatchObject({ points: '0.4', comment: 'Tài liệu kiểm chứng không đầy đủ, không đúng quy định' });
    expect((await sheet('o1', 'xa-01')).entries.every((e) => e.appraisal === null)).toBe(true);
    const differences = (await app.inject({ url: `${base}/differences`, headers: h.council })).json();
    expect(differences.differences).toEqual([
      expect.objectContaining({ unitId: 'xa-01', criterionId: '1.1.2', self: '0.8', appraised: '0.4', comment: 'Tài liệu kiểm chứng không đầy đủ, không đúng quy định' }),
    ]);
    expect((await app.inject({ url: `${base}/differences`, headers: h.o1 })).statusCode).toBe(403);
  });

  it('takes the unit\u2019s explanation, and the appraiser\u2019s answer changing the points', async () => {
    now = new Date('2024-03-26T02:00:00Z');
    const seen = await sheet('o1', 'xa-01');
    expect(seen.entries.find((e) => e.criterionId === '1.1.2')?.appraisal).toMatchObject({ points: '0.4' });
    const filed = await put('o1', '/units/xa-01/criteria/1.1.2/explanation', { text: 'Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect((await put('appraiser', '/units/xa-01/criteria/1.1.2/answer', { outcome: 'changed', reason: 'Đã bổ sung', points: '0.8' })).statusCode).toBe(409);
    now = new Date('2024-03-31T02:00:00Z');
    const noExplanation = await put('appraiser', '/units/xa-01/criteria/1.1.1/answer', { outcome: 'kept', reason: 'Giữ nguyên' });
    expect(noExplanation.json().error).toBe('no_explanation');
    const answered = await put('appraiser', '/units/xa-01/criteria/1.1.2/answer', { outcome: 'changed', reason: 'Đã bổ sung tài liệu', points: '0.8' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().entry).toMatchObject({ appraisal: { points: '0.8' }, answer: { outcome: 'changed', reason: 'Đã bổ sung tài liệu' } });
    const line = auditLines(db.dbPath).filter((l) => l.action === 'explanation_answered').at(-1);
    expect(line?.detail).toMatchObject({ from: '0.4', to: '0.8', outcome: 'changed' });
  });

  it('extends a phase of a round in progress to a later close only', async () => {
    const url = `/api/campaigns/${id}/admin/round/phases/appraisal/extend`;
    const into = await app.inject({ method: 'POST', url, headers: { ...auth, ...json }, payload: { closesAt: '2024-03-27T17:00:00+07:00' } });
    expect(into.statusCode).toBe(422);
    expect(into.json().message).toContain('chồng lên giai đoạn giải trình');
    const ok = await app.inject({ method: 'POST', url, headers: { ...auth, ...json }, payload: { closesAt: '2024-03-25T16:30:00+07:00' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(auditLines(db.dbPath).filter((l) => l.action === 'round_phase_extended').at(-1)?.detail).toEqual({
      phase: 'appraisal',
      from: '2024-03-25T12:00:00+07:00',
      to: '2024-03-25T16:30:00+07:00',
    });
    expect((await app.inject({ method: 'POST', url, headers: { ...h.council, ...json }, payload: { closesAt: '2024-03-25T17:40:00+07:00' } })).statusCode).toBe(403);
  });
  it('keeps the campaign off the public pages until the council finalises; then shows the scorecard with both columns', async () => {
    expect((await app.inject(`/api/campaigns/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/c/${id}/`)).statusCode).toBe(404);
    expect((await app.inject('/api/campaigns')).json().campaigns.map((c: { id: string }) => c.id)).not.toContain(id);
    now = new Date('2024-04-06T02:00:00Z');
    const incomplete = await post('council', '/confirm');
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().issues[0].message.vi).toMatch(/^Xã An Bình: tiêu chí .* chưa có điểm thẩm định$/);
    // The appraiser could only score in the appraisal phase: back to it, every unit scored.
    now = new Date('2024-03-20T02:00:00Z');
    for (const u of overview.units) {
      for (const c of overview.criteria) {
        if (u.unitId === 'xa-01' && ['1.1.1', '1.1.2', '1.2'].includes(c.id)) continue;
        const r = await put('appraiser', `/units/${u.unitId}/criteria/${encodeURIComponent(c.id)}/appraisal`, { points: c.notApplicable ? 'x' : '0', comment: '' });
        expect(r.statusCode, r.body).toBe(200);
      }
    }
    now = new Date('2024-04-06T02:00:00Z');
    expect((await post('appraiser', '/confirm')).statusCode).toBe(403);
    // Per unit, then the rest at once.
    expect((await post('council', '/confirm', { unitIds: ['xa-01'] })).json()).toEqual({ confirmed: 1 });
    expect((await post('council', '/confirm')).json()).toEqual({ confirmed: 10 });
    const final = await app.inject({ method: 'POST', url: `/api/campaigns/${id}/admin/finalize`, headers: { ...h.council, ...json }, payload: { decision } });
    expect(final.statusCode, final.body).toBe(200);
    const unit = await app.inject(`/api/campaigns/${id}/units/xa-01`);
    expect(unit.statusCode).toBe(200);
    const steps = unit.json().explanation.steps as { id: string; value: string; selfAssessed: string | null; comment: string | null }[];
    expect(steps.find((s) => s.id === '1.1.2')).toMatchObject({ value: '0.8', selfAssessed: '0.8' });
    expect(steps.find((s) => s.id === '1.1.1')).toMatchObject({ value: '0.5', selfAssessed: '0.5' });
    const page = await app.inject(`/c/${id}/units/xa-01`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tài liệu kiểm chứng không đầy đủ');
    // The explanation and the answer are on the public scorecard too; the evidence is not (not published).
    const text = page.body.replace(/<!--[^>]*-->/g, '');
    expect(text).toContain('Giải trình của đơn vị: Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn');
    expect(text).toContain('Tổ giúp việc chấp nhận, đổi điểm: Đã bổ sung tài liệu');
    expect(unit.json().roundNotes).toEqual([
      { criterionId: '1.1.2', explanation: 'Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn', answer: { outcome: 'changed', reason: 'Đã bổ sung tài liệu' }, evidence: [] },
    ]);
    expect((await post('council', '/confirm')).json().error).toBe('campaign_finalized');
    expect((await app.inject(`/c/${id}/results`)).statusCode).toBe(200);
    // The administrator's phases replaced the demo's, said in words.
    expect(auditLines(db.dbPath).filter((l) => l.action === 'round_set')[1]?.detail.to).toEqual(roundPhases);
    const log = (await app.inject({ url: `/api/admin/audit?campaign=${id}&limit=1000`, headers: auth })).json() as { entries: { action: string; text: { vi: string } }[] };
    expect(log.entries.filter((e) => e.action === 'round_set').at(0)?.text.vi).toMatch(
      /đặt lại các giai đoạn: tự đánh giá, chấm điểm lúc 08:00 ngày 01\/03\/2024 – lúc 17:00 ngày 15\/03\/2024; thẩm định/,
    );
    // The province's usual sheet: each criterion with each unit's self-assessed and appraised points and comment.
    const xlsx = await app.inject(`/api/campaigns/${id}/export/scorecard.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('Chấm điểm')?.getSheetValues().map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')).join('|') : '')) ?? [];
    expect(rows.find((r) => r?.includes('|1.1.2|'))).toMatch(/\|0\.8\|0\.8\|Tài liệu kiểm chứng không đầy đủ, không đúng quy định\|/);
    // The evidence stays private (the round does not publish it).
    const file = (await sheet('o1', 'xa-01')).entries.flatMap((e) => e.evidence)[0];
    expect((await app.inject({ url: file?.url ?? '' })).statusCode).toBe(401);
  });

  it('lets the administrator extend a phase to a later close only, audited from what to what (and nothing once final)', async () => {
    const closed = await app.inject({ method: 'POST', url: `/api/campaigns/${id}/admin/round/phases/appraisal/extend`, headers: { ...auth, ...json }, payload: { closesAt: '2024-03-25T16:30:00+07:00' } });
    expect(closed.json().error).toBe('campaign_finalized');
  });

});

describe('starting a round on a campaign', () => {
  const db = tempDb();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, clock: () => new Date('2024-03-02T02:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });
  const setRound = (campaignId: string, round: unknown) =>
    app.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/admin/round`, headers: { ...auth, 'content-type': 'application/json' }, payload: round as object });

  it('refuses a rule set with nothing to assess, and criteria the tree does not have', async () => {
    const none = await setRound('nui-thanh-2023-demo', roundPhases);
    expect(none.statusCode).toBe(422);
    expect(none.json().issues[0].message.vi).toBe('Bộ quy tắc không có tiêu chí nào chấm bằng điểm nhập: không có gì để tự đánh giá, thẩm định');
    const unknown = await setRound(sampleRoundId, { ...roundPhases, selfAssessed: ['IX'] });
    expect(unknown.json().issues.map((i: { message: { vi: string } }) => i.message.vi)).toEqual(['Không có tiêu chí "IX" trong bộ tiêu chí']);
  });

  it('starts a round on a campaign made from the CCHC preset: its criteria come to name the self-assessed points and the comment', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { id: 'cchc-2024', preset: 'thuy-thanh-cchc-2022', roster: [{ id: 'xa-a', name: 'Xã A', group: 'communes' }] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const set = await setRound('cchc-2024', roundPhases);
    expect(set.statusCode, set.body).toBe(200);
    // The round is not public: its rule set is read from the server's campaign.
    const leaf = app.campaigns.require('cchc-2024').ruleSet.score?.criteria?.children?.[0]?.children?.[0]?.children?.[0]?.children?.[0];
    expect(leaf?.score).toEqual({ kind: 'entered', input: 'p1_1_1', commentInput: 'note1_1_1', selfInput: 'self_p1_1_1' });
    const overview = (await app.inject({ url: '/api/campaigns/cchc-2024/round', headers: auth })).json() as RoundOverview;
    expect(overview.criteria.find((c) => c.id === '1.1.1')).toMatchObject({ selfAssessed: true, evidenceRequired: true });
    const lines = auditLines(db.dbPath).map((l) => l.action);
    expect(lines).toContain('rule_set_replaced');
    expect(lines.at(-1)).toBe('round_set');
  });
});
