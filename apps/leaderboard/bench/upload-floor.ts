/**
 * The floor of an upload, in a process of its own and outside our parser (race.bench.ts): read a
 * statistics CSV with csv-parse and write its rows in one SQLite transaction — what any upload of
 * the same file must at least do. Prints the milliseconds of the median of three runs.
 *   node upload-floor.ts <file.csv> <scratch dir>
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';

const [file, dir] = process.argv.slice(2) as [string, string];
const bytes = readFileSync(file);
const times: number[] = [];
for (let run = 0; run < 3; run++) {
  const path = join(dir, `floor-${run}.sqlite`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (snapshot_id INTEGER, unit_id TEXT, name TEXT, group_id TEXT, position INTEGER, values_json TEXT, PRIMARY KEY (snapshot_id, unit_id))');
  const t = performance.now();
  const [header, ...records] = parse(bytes, { bom: true }) as string[][];
  const insert = db.prepare('INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    records.forEach((r, i) => {
      const values: Record<string, string> = {};
      (header ?? []).forEach((h, c) => (values[h] = r[c] ?? ''));
      insert.run(1, r[0], r[1], r[2], i, JSON.stringify(values));
    });
  })();
  times.push(performance.now() - t);
  db.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}
times.sort((a, b) => a - b);
process.stdout.write(`${times[1]}\n`);
