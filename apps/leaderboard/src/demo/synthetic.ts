import { nuiThanh2023, qd766y2022, type RuleSet, type UnitInput } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import type { RosterUnit } from '../contract.js';
import { weeklyIndexStatistics } from './qd766-quang-nam.js';
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

/**
 * A national weekly race's shape for benchmarks and tests: the synthetic roster under the Núi
 * Thành rules over a whole year, published weekly (52 snapshots). Never shown to users.
 */
export function syntheticWeeklyCampaign(unitCount: number): SyntheticCampaign {
  const { roster, ruleSet } = syntheticCampaign(unitCount);
  return { roster, ruleSet: { ...ruleSet, id: 'synthetic-weekly', period: { ...ruleSet.period, start: '2023-01-01', end: '2023-12-31', cadence: 'week' } } };
}

/** The as-of dates of a weekly race over 2023: every Friday from 6 January, `weeks` of them (≤ 52). */
export function weeklyAsOfDates(weeks: number): string[] {
  return Array.from({ length: weeks }, (_, w) => new Date(Date.UTC(2023, 0, 6 + 7 * w)).toISOString().slice(0, 10));
}

/** Cumulative statistics of every unit after `weeks` weeks (a quarter of a month's cases a week), as units and as a sheet. */
export function syntheticWeek(roster: RosterUnit[], weeks: number, seed = 7): { units: UnitInput[]; csv: Uint8Array } {
  const all = cumulativeStatistics(
    roster,
    (u) => {
      // One unit in ten has the very figures of the unit two before it, in its group: ties, as real weekly races have them.
      const n = Number(u.id.slice(-5));
      const key = n % 10 === 3 ? `unit-${String(n - 2).padStart(5, '0')}` : u.id;
      const rnd = seededRandom(hashSeed(key) ^ seed);
      return { monthlyCases: 5 + Math.floor(rnd() * 100), onlineShare: 0.55 + rnd() * 0.4, onTimeShare: 0.9 + rnd() * 0.1, lateShare: rnd() * 0.05, growth: 0.01, seedKey: key };
    },
    weeks,
    seed,
  );
  const units = all[weeks - 1] ?? [];
  return { units, csv: statisticsCsv(units, nuiThanh2023) };
}

/**
 * The national weekly race on the 766 index (qd766-2022) for benchmarks: `unitCount` units in its
 * two groups, one in ten with the very figures of the unit two before it (ties), and a week's
 * statistics as a sheet. Never shown to users.
 */
export function syntheticIndexRace(unitCount: number): SyntheticCampaign & { week: (w: number) => { units: UnitInput[]; csv: Uint8Array }; asOf: string[] } {
  const groups = qd766y2022.groups.map((g) => g.id);
  const roster = Array.from({ length: unitCount }, (_, i) => ({ id: `unit-${String(i + 1).padStart(5, '0')}`, name: `Đơn vị ${i + 1}`, group: groups[i % groups.length] as string }));
  const asOf = Array.from({ length: 52 }, (_, w) => new Date(Date.UTC(2024, 0, 5 + 7 * w)).toISOString().slice(0, 10));
  const series = roster.map((u, i) => weeklyIndexStatistics(u, 52, (i + 1) % 10 === 3 ? (roster[i - 2]?.id ?? u.id) : u.id));
  const week = (w: number) => {
    const units = series.map((s, i) => ({ ...(s[w] as UnitInput), id: (roster[i] as RosterUnit).id, name: (roster[i] as RosterUnit).name }));
    return { units, csv: statisticsCsv(units, qd766y2022) };
  };
  return { ruleSet: { ...qd766y2022, id: 'synthetic-766-race' }, roster, week, asOf };
}
