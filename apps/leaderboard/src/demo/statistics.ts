import type { UnitInput } from '@thidua/scoring';
import type { RosterUnit } from '../contract.js';

/**
 * Deterministic synthetic statistics (dữ liệu minh họa — NOT real figures) for rule sets that count
 * resolved cases the way Núi Thành's does (total, online, on time, late). Cumulative counts from
 * the start of the period: each month adds that month's cases, so counts only grow.
 */

/** Mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a string to a 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How a unit behaves month to month. */
export interface UnitProfile {
  /** Cases resolved per month, on average. */
  monthlyCases: number;
  /** Share of cases filed online in the first month (0–1); rises slightly as the campaign runs. */
  onlineShare: number;
  /** Share of online cases resolved on time or early (0–1). */
  onTimeShare: number;
  /** Share of all cases resolved late (0–1). */
  lateShare: number;
  /** Month-on-month change of monthlyCases (0.1 = +10% a month); drawn per unit when absent. */
  growth?: number;
  /** Units with the same seed key get identical figures (a deliberate tie). */
  seedKey?: string;
}

/**
 * Cumulative statistics of `roster` after each of `months` months. Entry m holds the counts from
 * the first day of the period to the end of month m.
 */
export function cumulativeStatistics(
  roster: RosterUnit[],
  profileOf: (unit: RosterUnit) => UnitProfile,
  months: number,
  seed: number,
): UnitInput[][] {
  const perUnit = roster.map((unit) => {
    const p = profileOf(unit);
    const rnd = seededRandom(seed ^ hashSeed(p.seedKey ?? unit.id));
    let R = 0;
    let O = 0;
    let T = 0;
    let L = 0;
    const out: UnitInput[] = [];
    const growth = p.growth ?? 0.12 * (rnd() - 0.35);
    for (let m = 0; m < months; m++) {
      const r = Math.max(1, Math.round(p.monthlyCases * Math.max(0.3, 1 + growth * m) * (0.8 + 0.4 * rnd())));
      const share = Math.min(0.99, p.onlineShare + 0.006 * m + 0.03 * (rnd() - 0.5));
      const o = Math.min(r, Math.round(r * share));
      const t = Math.min(o, Math.round(o * Math.min(1, p.onTimeShare + 0.02 * (rnd() - 0.5))));
      // Online cases not resolved on time are late cases too: L ≥ O − T.
      const l = Math.min(r - t, Math.max(o - t, Math.round(r * Math.max(0, p.lateShare + 0.01 * (rnd() - 0.5)))));
      R += r;
      O += o;
      T += t;
      L += l;
      out.push({
        id: unit.id,
        name: unit.name,
        group: unit.group,
        resolvedTotal: R,
        resolvedOnline: O,
        resolvedOnlineOnTime: T,
        resolvedLate: L,
      });
    }
    return out;
  });
  return Array.from({ length: months }, (_, m) => perUnit.map((series) => series[m] as UnitInput));
}
