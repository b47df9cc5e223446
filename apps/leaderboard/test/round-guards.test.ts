import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoundId } from '../src/demo/cchc-round-sample.js';
import { auth, dumpContent, startApp, tempDb } from './helpers.js';
import { createAccount, tokenFor } from './auth-helpers.js';
import { pdfBytes, roundPhases } from './round-fixtures.js';

/**
 * Every route of the round, tried by each role that may not use it — anonymously (401), by an
 * account of another campaign (403 at the guard), and by a role of this campaign that is not the
 * route's (403 in the route: another unit's officer, an officer where an appraiser acts, a clerk,
 * an appraiser where the council acts) — each in the phase the route belongs to, so that only the
 * role refuses it. Nothing is stored.
 */
const id = sampleRoundId;
const base = `/api/campaigns/${id}/round`;
const at = {
  self_assessment: new Date('2024-03-02T02:00:00Z'),
  appraisal: new Date('2024-03-16T02:00:00Z'),
  explanation: new Date('2024-03-26T02:00:00Z'),
  explanation_review: new Date('2024-03-31T02:00:00Z'),
  final: new Date('2024-04-06T02:00:00Z'),
};
type Who = 'o1' | 'o2' | 'appraiser' | 'council' | 'clerk' | 'elsewhere';
const routes: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; phase: keyof typeof at; body?: unknown; file?: boolean; refused: Who[] }[] = [
  { method: 'GET', url: `${base}/units/xa-01`, phase: 'self_assessment', refused: ['o2', 'elsewhere'] },
  { method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/self`, phase: 'self_assessment', body: { points: '0.5', note: '' }, refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `${base}/units/xa-01/submit`, phase: 'self_assessment', body: {}, refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `${base}/units/xa-01/withdraw`, phase: 'self_assessment', body: {}, refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `${base}/units/xa-01/criteria/1.1.1/evidence`, phase: 'self_assessment', file: true, refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'DELETE', url: `${base}/units/xa-01/evidence/1`, phase: 'self_assessment', refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/appraisal`, phase: 'appraisal', body: { points: '0.5', comment: '' }, refused: ['o1', 'o2', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `${base}/units/xa-01/agree`, phase: 'appraisal', body: {}, refused: ['o1', 'o2', 'council', 'clerk', 'elsewhere'] },
  { method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/explanation`, phase: 'explanation', body: { text: 'Giải trình' }, refused: ['o2', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/answer`, phase: 'explanation_review', body: { outcome: 'kept', reason: 'Giữ nguyên' }, refused: ['o1', 'o2', 'council', 'clerk', 'elsewhere'] },
  { method: 'GET', url: `${base}/differences`, phase: 'final', refused: ['o1', 'o2', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `${base}/confirm`, phase: 'final', body: {}, refused: ['o1', 'o2', 'appraiser', 'clerk', 'elsewhere'] },
  { method: 'GET', url: `${base}/evidence/1`, phase: 'final', refused: ['o2', 'clerk', 'elsewhere'] },
  { method: 'PUT', url: `/api/campaigns/${id}/admin/round`, phase: 'final', body: roundPhases, refused: ['o1', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: `/api/campaigns/${id}/admin/round/phases/final/extend`, phase: 'final', body: { closesAt: '2030-01-01T00:00:00+07:00' }, refused: ['o1', 'appraiser', 'council', 'clerk', 'elsewhere'] },
  { method: 'POST', url: '/api/admin/accounts/import', phase: 'final', body: 'x', refused: ['o1', 'appraiser', 'council', 'clerk', 'elsewhere'] },
];

describe('the round\u2019s routes, by role', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let now = at.self_assessment;
  const h = {} as Record<Who, Record<string, string>>;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, clock: () => now, maxFailedAttempts: 1_000_000 });
    await app.inject({ method: 'PUT', url: `/api/campaigns/${id}/admin/round`, headers: { ...auth, 'content-type': 'application/json' }, payload: roundPhases });
    const grants: Record<Who, object[]> = {
      o1: [{ role: 'officer', campaignId: id, unitId: 'xa-01' }],
      o2: [{ role: 'officer', campaignId: id, unitId: 'xa-02' }],
      appraiser: [{ role: 'appraiser', campaignId: id, unitId: 'xa-01' }],
      council: [{ role: 'council', campaignId: id }],
      clerk: [{ role: 'clerk', campaignId: id }],
      elsewhere: [{ role: 'council', campaignId: 'thuy-thanh-cchc-2022' }],
    };
    for (const [who, g] of Object.entries(grants)) h[who as Who] = await tokenFor(app, (await createAccount(app, `u-${who}`, `Người ${who}`, g as never)).id);
    // One evidence file of xa-01, for the routes that name it.
    await app.inject({ method: 'POST', url: `${base}/units/xa-01/criteria/1.1.1/evidence`, headers: { ...h.o1, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, payload: pdfBytes });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  const content = () => {
    const { api_tokens: _t, sessions: _s, audit_log: _a, ...rest } = dumpContent(db.dbPath);
    return rest;
  };

  it.each(routes)('$method $url: 401 anonymously, 403 for each other role, nothing stored', async (r) => {
    now = at[r.phase];
    const before = content();
    const send = (headers: Record<string, string>) =>
      app.inject({
        method: r.method,
        url: r.url,
        headers: { ...headers, ...(r.file ? { 'content-type': 'application/pdf', 'x-file-name': 'b.pdf' } : r.body !== undefined ? { 'content-type': typeof r.body === 'string' ? 'text/csv' : 'application/json' } : {}) },
        ...(r.file ? { payload: pdfBytes } : r.body !== undefined ? { payload: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
      });
    expect((await send({})).statusCode).toBe(401);
    for (const who of r.refused) expect((await send(h[who])).statusCode, who).toBe(403);
    expect(content()).toEqual(before);
  });
});
