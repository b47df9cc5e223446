import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoundSheet } from '../src/contract-round.js';
import { sampleRoundId } from '../src/demo/cchc-round-sample.js';
import { auth, startApp } from './helpers.js';
import { createAccount, tokenFor } from './auth-helpers.js';
import { pdfBytes, roundPhases } from './round-fixtures.js';

/**
 * A back-up taken during a round (POST /api/admin/backup, one SQLite file) and restored as
 * docs/operations.md says — put the file in place of the database on a new machine (no evidence
 * folder) and start — gives back every point, comment and file, byte for byte.
 */
describe('a back-up taken during the round', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lb-round-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = `/api/campaigns/${sampleRoundId}/round`;
  const json = { 'content-type': 'application/json' };

  it('restores every point, comment and evidence file', async () => {
    let now = new Date('2024-03-02T02:00:00Z');
    const app = await startApp({ dbPath: join(dir, 'a', 'leaderboard.sqlite'), clock: () => now });
    await app.inject({ method: 'PUT', url: `/api/campaigns/${sampleRoundId}/admin/round`, headers: { ...auth, ...json }, payload: roundPhases });
    const officer = await tokenFor(app, (await createAccount(app, 'can-bo-1', 'Nguyễn Thị Một', [{ role: 'officer', campaignId: sampleRoundId, unitId: 'xa-01' }])).id);
    await app.inject({ method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/self`, headers: { ...officer, ...json }, payload: { points: '0.5', note: 'Kế hoạch 12' } });
    const file = await app.inject({
      method: 'POST',
      url: `${base}/units/xa-01/criteria/1.1.1/evidence`,
      headers: { ...officer, 'content-type': 'application/pdf', 'x-file-name': 'ke-hoach.pdf' },
      payload: pdfBytes,
    });
    expect(file.statusCode).toBe(201);
    now = new Date('2024-03-16T02:00:00Z');
    await app.inject({ method: 'PUT', url: `${base}/units/xa-01/criteria/1.1.1/appraisal`, headers: { ...auth, ...json }, payload: { points: '0.25', comment: 'Thời gian ký số không phù hợp' } });
    const before = (await app.inject({ url: `${base}/units/xa-01`, headers: auth })).json() as RoundSheet;

    const backup = await app.inject({ method: 'POST', url: '/api/admin/backup', headers: auth });
    expect(backup.statusCode).toBe(200);
    await app.close();

    // A new machine: the back-up file alone, as the database.
    const restoredPath = join(dir, 'b', 'leaderboard.sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'b'));
    writeFileSync(restoredPath, backup.rawPayload);
    const again = await startApp({ dbPath: restoredPath, clock: () => now });
    const after = (await again.inject({ url: `${base}/units/xa-01`, headers: auth })).json() as RoundSheet;
    expect(after).toEqual(before);
    const entry = after.entries.find((e) => e.criterionId === '1.1.1');
    expect(entry).toMatchObject({ self: { points: '0.5', note: 'Kế hoạch 12' }, appraisal: { points: '0.25', comment: 'Thời gian ký số không phù hợp' } });
    const served = await again.inject({ url: entry?.evidence[0]?.url ?? '', headers: auth });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(pdfBytes)).toBe(true);
    await again.close();
  });
});
