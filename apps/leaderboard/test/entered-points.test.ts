import { readFileSync } from 'node:fs';
import { statisticsCsv } from '@thidua/stats-io';
import { thuyThanhCchc2022, type UnitInput } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { api, auth, dumpContent, useApp } from './helpers.js';

/**
 * Issue 19: entered points above their criterion's maximum are an entry error. An upload holding
 * one is refused (422) naming the row, the column, the criterion and its maximum, and nothing is
 * stored — the same through JSON and CSV. Points at the maximum exactly are accepted.
 */
describe('entered points above the maximum, uploaded', () => {
  const server = useApp();
  const id = 'cchc-thu';
  const units = JSON.parse(readFileSync(new URL('../../../docs/examples/thuy-thanh-cchc-2022.json', import.meta.url), 'utf8')) as UnitInput[];
  const upload = (body: Buffer, type: string, name: string) =>
    server.app.inject({
      method: 'POST',
      url: api(id, 'admin/snapshots?asOf=2022-12-31&dryRun=1'),
      headers: { ...auth, 'content-type': type, 'x-file-name': name },
      payload: body,
    });

  it('are refused with the row, the column and the maximum, in JSON and in CSV; nothing is stored', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { id, preset: 'thuy-thanh-cchc-2022', roster: units.map((u) => ({ id: u.id, name: u.name, group: u.group })) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = dumpContent(server.db.dbPath);
    const above = [{ ...units[0]!, p1_1_2: 1.5 }];

    const json = await upload(Buffer.from(JSON.stringify(above)), 'application/octet-stream', 'thuy-thanh.json');
    expect(json.statusCode, json.body).toBe(422);
    const [issue] = json.json().issues as { code: string; field: string; message: { vi: string; en: string } }[];
    expect(issue).toMatchObject({ code: 'above_maximum', field: 'p1_1_2' });
    expect(issue!.message.vi).toContain('1.5 điểm vượt điểm tối đa 1.0 của tiêu chí 1.1.2');

    const csv = await upload(Buffer.from(statisticsCsv(above, thuyThanhCchc2022)), 'text/csv', 'thuy-thanh.csv');
    expect(csv.statusCode, csv.body).toBe(422);
    const [row] = csv.json().issues as { code: string; row: number; column: string }[];
    expect(row).toMatchObject({ code: 'above_maximum', row: 2 });
    // The column as the file heads it; the message names the criterion and its maximum.
    expect(row!.column).toBe('p1_1_2');
    expect((csv.json().issues as { message: { vi: string } }[])[0]!.message.vi).toContain('vượt điểm tối đa 1.0 của tiêu chí 1.1.2');
    expect(dumpContent(server.db.dbPath)).toEqual(before);

    const atMost = await upload(Buffer.from(JSON.stringify([{ ...units[0]!, p1_1_2: 1.0 }])), 'application/octet-stream', 'thuy-thanh.json');
    expect(atMost.statusCode, atMost.body).toBe(200);
  });
});
