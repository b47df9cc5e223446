import { nuiThanh2023, type RuleSet, type UnitInput } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import type { RosterUnit } from '../contract.js';
import { cumulativeStatistics, hashSeed, seededRandom } from './statistics.js';

/**
 * A large generated campaign (thousands of units) for benchmarks and crash tests: the Núi Thành
 * rules with a made-up roster. Never shown to users.
 */
export interface SyntheticCampaign {
  ruleSet: RuleSet;
  roster: RosterUnit[];
}

export function syntheticCampaign(unitCount: number): SyntheticCampaign {
  const groups = nuiThanh2023.groups.map((g) => g.id);
  const roster = Array.from({ length: unitCount }, (_, i) => ({
    id: `unit-${String(i + 1).padStart(5, '0')}`,
    name: `Đơn vị ${i + 1}`,
    group: groups[i % groups.length] ?? 'communes',
  }));
  return { ruleSet: { ...nuiThanh2023, id: 'synthetic-benchmark' }, roster };
}

/** Cumulative statistics of every unit after `months` months, as units and as an upload sheet. */
export function syntheticStatistics(roster: RosterUnit[], months: number, seed = 7): { units: UnitInput[]; csv: Uint8Array } {
  const all = cumulativeStatistics(
    roster,
    (u) => {
      const rnd = seededRandom(hashSeed(u.id) ^ seed);
      return { monthlyCases: 20 + Math.floor(rnd() * 400), onlineShare: 0.55 + rnd() * 0.4, onTimeShare: 0.9 + rnd() * 0.1, lateShare: rnd() * 0.05 };
    },
    months,
    seed,
  );
  const units = all[months - 1] ?? [];
  return { units, csv: statisticsCsv(units, nuiThanh2023) };
}
