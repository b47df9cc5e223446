/**
 * Issue 19: one convention for shares — half-up to the declared decimals, as the documents print
 * them; never the same ratio two ways; beside a threshold that rounding would cross, the decimals
 * that tell the figure apart, with a note. Comparisons stay exact.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, nuiThanh2023, type UnitInput } from '../src/index.js';

const commune = (id: string, total: number, online: number, onTime: number): UnitInput => ({
  id,
  name: `Xã ${id}`,
  group: 'communes',
  resolvedTotal: total,
  resolvedOnline: online,
  resolvedOnlineOnTime: onTime,
  resolvedLate: 0,
});

describe('shares', () => {
  it('the same ratio reads the same: 178/237 is 75,11% online and on time alike', () => {
    const [u] = evaluate([commune('a', 237, 178, 178)], nuiThanh2023, { gaps: false }).units;
    expect(u!.metrics.onlineShare).toBe('75.11');
    expect(u!.metrics.onTimeShare).toBe('75.11');
  });

  it('64,996% against the 65% floor is shown with the decimals that tell it apart, and the reason says what rounding would show', () => {
    const [u] = evaluate([commune('b', 100000, 64996, 64996)], nuiThanh2023, { gaps: false }).units;
    expect(u!.eligible).toBe(false);
    expect(u!.metrics.onlineShare).toBe('64.996');
    expect(u!.reasons![0]!.message.vi).toBe('Tỷ lệ trực tuyến 64,996% < 65% (làm tròn: 65,00%)');
    expect(u!.reasons![0]!.message.en).toBe('Online share 64.996% < 65% (rounded: 65.00%)');
  });

  it('far from a threshold, the declared decimals only, half-up', () => {
    const [u] = evaluate([commune('c', 3, 2, 2)], nuiThanh2023, { gaps: false }).units;
    expect(u!.metrics.onlineShare).toBe('66.67');
    expect(u!.eligible).toBe(true);
  });
});
