/**
 * Builds race.bench.ts's database in a process of its own, so that the measuring process holds no
 * generated data (a year of 10,000 units' figures is hundreds of megabytes of heap, and its garbage
 * collection would be timed with every request): the campaign file, 52 weekly snapshots uploaded as
 * the offices would, the as-of dates and a correction of the last week.
 *   node --import tsx race-build.ts <dir> <units>
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { readCampaignFile } from '../src/server/campaign-source.js';
import { syntheticIndexRace } from '../src/demo/synthetic.js';

const [dir, unitCount] = process.argv.slice(2) as [string, string];
const race = syntheticIndexRace(Number(unitCount));
const campaignPath = join(dir, 'race.json');
const dbPath = join(dir, 'race.sqlite');
writeFileSync(campaignPath, JSON.stringify({ id: 'race', ruleSet: race.ruleSet, roster: race.roster }));
writeFileSync(join(dir, 'as-of.json'), JSON.stringify(race.asOf));
writeFileSync(join(dir, 'correction.csv'), race.week(race.asOf.length - 1).csv);
if (!existsSync(dbPath)) {
  const app = await buildApp({ dbPath, adminToken: 'bench-admin-token-0123456789', campaign: { kind: 'file', ...readCampaignFile(campaignPath) } });
  const changes = app.campaigns.changes('race');
  const started = performance.now();
  for (const [w, asOf] of race.asOf.entries()) {
    await changes.upload({ bytes: race.week(w).csv, fileName: `tuan-${w + 1}.csv`, asOf, actor: { username: 'bench', name: 'Bench' }, dryRun: false, publish: true });
  }
  process.stdout.write(`  stored ${race.asOf.length} snapshots in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  await app.close();
}
