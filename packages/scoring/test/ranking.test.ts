/**
 * `sortByRank` orders by whole-number keys first and compares only within runs of an equal score; it
 * must give exactly the order of sorting with the full comparison, whatever the scores — including
 * scores too far apart for its keys, where it falls back.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/model/program.js';
import { compareRank, sortByRank, type RankKey } from '../src/rules/ranking.js';
import { metricValues } from '../src/rules/conditions.js';
import { nuiThanh2023 } from '../src/index.js';

const program = compile(nuiThanh2023, { deduction: 'proportional', combination: 'deduct-then-multiply', prizes: 'best-qualified' });
const ties = program.ties;

interface Item extends RankKey {
  id: string;
}
const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const itemArb = (scores: fc.Arbitrary<number>): fc.Arbitrary<Omit<Item, 'id'>> =>
  fc.record({ published: scores, R: fc.integer({ min: 0, max: 50 }), share: fc.integer({ min: 0, max: 100 }) }).map(({ published, R, share }) => {
    const O = Math.round((R * share) / 100);
    const x = Float64Array.from([R, O, O, 0, 0, 0]);
    const m = new Float64Array(2 * program.metricList.length);
    metricValues(program.metricList, x, 0, m, 0);
    return { published, m, mo: 0, exactX: () => [], criterion: () => null };
  });

const listArb = (scores: fc.Arbitrary<number>) =>
  fc.array(itemArb(scores), { maxLength: 60 }).map((items) => items.map((x, i) => ({ ...x, id: `u${String(i).padStart(3, '0')}` })));

describe('sortByRank', () => {
  test.each([
    ['many equal scores (the usual case)', fc.integer({ min: 0, max: 30 })],
    ['negative and positive scores', fc.integer({ min: -500, max: 500 })],
    ['scores too far apart for whole-number keys (falls back)', fc.constantFrom(0, 1, 2 ** 52, -(2 ** 52))],
  ] as const)('gives the full comparison’s order: %s', (_, scores) => {
    fc.assert(
      fc.property(listArb(scores), (items) => {
        const expected = [...items].sort((a, b) => compareRank(ties, a, b) || byId(a, b)).map((x) => x.id);
        expect(sortByRank(items, ties, byId).map((x) => x.id)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
