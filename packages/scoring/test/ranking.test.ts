/**
 * `sortByRank` orders by integer keys first and compares only within runs of an equal score; it
 * must give exactly the order of sorting with the full comparison, whatever the scores — including
 * scores that are not whole hundredths and scores too far apart for its keys, where it falls back.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { div, num } from '../src/decimal.js';
import { compareRankKeys, sortByRank, type RankKey } from '../src/rules/ranking.js';

interface Item extends RankKey {
  id: string;
}

const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A published score n / d: d = 100 (whole hundredths, the usual case) or another denominator. */
const itemArb = (scores: fc.Arbitrary<[number | bigint, number]>): fc.Arbitrary<Omit<Item, 'id'>> =>
  fc.record({
    score: scores,
    R: fc.integer({ min: 1, max: 50 }),
    share: fc.integer({ min: 0, max: 100 }),
  }).map(({ score: [n, d], R, share }) => {
    const O = Math.round((R * share) / 100);
    return { R, O, T: O, L: 0, published: div(num(typeof n === 'bigint' ? n.toString() : n), num(d)) };
  });

const listArb = (scores: fc.Arbitrary<[number | bigint, number]>) =>
  fc.array(itemArb(scores), { maxLength: 60 }).map((items) => items.map((x, i) => ({ ...x, id: `u${String(i).padStart(3, '0')}` })));

const expectSameOrder = (items: Item[]) => {
  const expected = [...items].sort((a, b) => compareRankKeys(a, b) || byId(a, b)).map((x) => x.id);
  expect(sortByRank(items, 2, byId).map((x) => x.id)).toEqual(expected);
};

describe('sortByRank', () => {
  test.each([
    ['whole hundredths, many equal (the usual case)', fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constant(100))],
    ['negative and positive hundredths', fc.tuple(fc.integer({ min: -500, max: 500 }), fc.constant(100))],
    ['scores that are not whole hundredths (falls back)', fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(3, 7, 100))],
    ['scores too far apart for integer keys (falls back)', fc.tuple(fc.constantFrom<number | bigint>(0, 1, 2n ** 60n, -(2n ** 60n)), fc.constant(100))],
  ] as const)('gives the full comparison’s order: %s', (_, scores) => {
    fc.assert(fc.property(listArb(scores as fc.Arbitrary<[number | bigint, number]>), expectSameOrder), { numRuns: 300 });
  });
});
