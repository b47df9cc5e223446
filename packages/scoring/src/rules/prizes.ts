import type { Policies, UndecidedPrizes } from '../schema/evaluation.js';
import type { RuleSetPrize } from '../schema/rule-set.js';

/**
 * Cơ cấu giải thưởng — who gets which prize.
 *
 * "Nhóm các cơ quan chuyên môn thuộc UBND huyện có 03 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải
 * ba." "Nhóm UBND các xã, thị trấn có 05 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải ba, 02 giải
 * khuyến khích" (III.2)
 *
 * Prize slots (the group's prizes expanded by count, in order) are filled one by one from the
 * eligible units in rank order, one prize per unit.
 * - Policy `best-qualified` (default): a slot with conditions of its own (Núi Thành's first prize:
 *   "Đối với đơn vị đạt giải nhất: … tối thiểu đạt 70% …", III.1) goes to the highest-ranked
 *   remaining unit that meets them; units passed over stay in line for the next slots.
 * - Policy `vacate`: a slot with a floor goes to the highest-ranked remaining unit only if that
 *   unit meets it; otherwise the slot is vacant.
 * - A slot nobody can take is vacant.
 * - Units sharing a rank form one class and take slots together: each slot the class wins costs
 *   it one member, whoever that is. If a class of n units wins n slots of the same prize, each
 *   gets it; otherwise (a tie straddling two prizes, or a prize and nothing) the class's slots are
 *   left `undecided` for the committee, naming the tied units — never assigned silently. A class
 *   takes a slot with conditions only when every member meets them (Núi Thành's tied units share
 *   their online share, so its floor admits all of them or none).
 * See docs/decisions/0005-prize-allocation.md.
 */
export interface PrizeCandidate {
  readonly unitId: string;
  readonly unitName: string;
  readonly rank: number;
}

export interface PrizeAllocation<C extends PrizeCandidate = PrizeCandidate> {
  /** In prize order; `unit` is the candidate object that was passed in. */
  awards: { unit: C; prize: RuleSetPrize }[];
  vacant: RuleSetPrize[];
  undecided: { prizes: UndecidedPrizes; units: C[] }[];
}

interface RankClass<C> {
  rank: number;
  members: C[];
  /** Members not yet holding (or tied for) a slot. */
  left: number;
  won: RuleSetPrize[];
}

export function allocatePrizes<C extends PrizeCandidate>(
  ranked: readonly C[],
  prizes: readonly RuleSetPrize[],
  policy: Policies['prizes'],
  meets: (unit: C, prize: RuleSetPrize) => boolean,
): PrizeAllocation<C> {
  const slots = prizes.flatMap((p) => Array.from({ length: p.count }, () => p));
  const classes = new RankClasses(ranked);
  const out: PrizeAllocation<C> = { awards: [], vacant: [], undecided: [] };

  const winners: RankClass<C>[] = [];
  for (const slot of slots) {
    const winner = classFor(slot, classes, policy, meets);
    if (!winner) {
      out.vacant.push(slot);
      continue;
    }
    if (winner.won.length === 0) winners.push(winner);
    winner.won.push(slot);
    winner.left -= 1;
  }

  for (const c of winners) {
    const first = c.won[0];
    if (!first) continue;
    const settled = c.won.length === c.members.length && c.won.every((p) => p.id === first.id);
    if (settled) for (const u of c.members) out.awards.push({ unit: u, prize: first });
    else out.undecided.push({ prizes: undecidedEntry(c), units: c.members });
  }
  return out;
}

/**
 * Consecutive units of equal rank, as classes, formed only as far down the ranking as the slots
 * reach (a floor may pass over any number of them; a national group has thousands of units and a
 * handful of prizes).
 */
class RankClasses<C extends PrizeCandidate> {
  private readonly formed: RankClass<C>[] = [];
  private next = 0;

  constructor(private readonly ranked: readonly C[]) {}

  /** The i-th class from the top, or undefined past the last. */
  at(i: number): RankClass<C> | undefined {
    while (this.formed.length <= i && this.next < this.ranked.length) {
      const first = this.ranked[this.next] as C;
      const members = [first];
      this.next++;
      while (this.next < this.ranked.length && (this.ranked[this.next] as C).rank === first.rank) {
        members.push(this.ranked[this.next] as C);
        this.next++;
      }
      this.formed.push({ rank: first.rank, members, left: members.length, won: [] });
    }
    return this.formed[i];
  }
}

/** The class that wins this slot under the policy, or null when the slot is vacant. */
function classFor<C extends PrizeCandidate>(
  slot: RuleSetPrize,
  classes: RankClasses<C>,
  policy: Policies['prizes'],
  meets: (unit: C, prize: RuleSetPrize) => boolean,
): RankClass<C> | null {
  for (let i = 0, c = classes.at(0); c; c = classes.at(++i)) {
    if (c.left === 0) continue;
    if (c.members.every((m) => meets(m, slot))) return c;
    if (policy === 'vacate') return null;
  }
  return null;
}

function undecidedEntry(c: RankClass<PrizeCandidate>): UndecidedPrizes {
  const names = c.members.map((u) => u.unitName).join(', ');
  const viPrizes = c.won.map((p) => p.label.vi.toLowerCase()).join(', ');
  const enPrizes = c.won.map((p) => p.label.en.toLowerCase()).join(', ');
  return {
    prizeIds: c.won.map((p) => p.id),
    amount: c.won.reduce((sum, p) => sum + p.amountVnd, 0),
    unitIds: c.members.map((u) => u.unitId),
    rank: c.rank,
    message: {
      vi: `${c.members.length} đơn vị đồng hạng ${c.rank} (${names}) cho ${c.won.length} suất (${viPrizes}): Hội đồng Thi đua - Khen thưởng quyết định.`,
      en: `${c.members.length} units tied at rank ${c.rank} (${names}) for ${c.won.length} slot(s) (${enPrizes}): for the awards committee to decide.`,
    },
  };
}
