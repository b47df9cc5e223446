import type { RuleSetGroup, RuleSetPrize } from '../schema/rule-set.js';
import type { PrizePolicy, UndecidedPrizes } from '../types.js';
import type { Counts } from './counts.js';
import { meetsPrizeFloor } from './first-prize-floor.js';

/**
 * Cơ cấu giải thưởng — who gets which prize.
 *
 * "Nhóm các cơ quan chuyên môn thuộc UBND huyện có 03 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải
 * ba." "Nhóm UBND các xã, thị trấn có 05 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải ba, 02 giải
 * khuyến khích" (III.2)
 *
 * Prize slots (the group's prizes expanded by count, in order) are filled one by one from the
 * eligible units in rank order, one prize per unit.
 * - Policy `best-qualified` (default): a slot with its own floor (the first prize: 70% online)
 *   goes to the highest-ranked remaining unit that meets it; units passed over stay in line for
 *   the next slots.
 * - Policy `vacate`: a slot with a floor goes to the highest-ranked remaining unit only if that
 *   unit meets it; otherwise the slot is vacant.
 * - A slot nobody can take is vacant.
 * - Units sharing a rank form one class and take slots together: each slot the class wins costs
 *   it one member, whoever that is. If a class of n units wins n slots of the same prize, each
 *   gets it; otherwise (a tie straddling two prizes, or a prize and nothing) the class's slots are
 *   left `undecided` for the committee, naming the tied units — never assigned silently. Tied units
 *   have the same online share, so a share floor admits all of them or none.
 * See docs/decisions/0005-prize-allocation.md.
 */
export interface PrizeCandidate {
  unitId: string;
  unitName: string;
  rank: number;
  counts: Counts;
}

export interface PrizeAllocation {
  awards: { unitId: string; prize: RuleSetPrize }[];
  vacant: RuleSetPrize[];
  undecided: UndecidedPrizes[];
}

interface RankClass {
  rank: number;
  members: PrizeCandidate[];
  /** Members not yet holding (or tied for) a slot. */
  left: number;
  won: RuleSetPrize[];
  /** Index of the first slot the class won (award lists go in prize order). */
  firstSlot: number;
}

export function allocatePrizes(
  ranked: readonly PrizeCandidate[],
  group: RuleSetGroup,
  policy: PrizePolicy,
): PrizeAllocation {
  const slots = group.prizes.flatMap((p) => Array.from({ length: p.count }, () => p));
  const classes = rankClasses(ranked);
  const out: PrizeAllocation = { awards: [], vacant: [], undecided: [] };

  const winners: RankClass[] = [];
  slots.forEach((slot, index) => {
    const winner = classFor(slot, classes, policy);
    if (!winner) {
      out.vacant.push(slot);
      return;
    }
    if (winner.won.length === 0) {
      winner.firstSlot = index;
      winners.push(winner);
    }
    winner.won.push(slot);
    winner.left -= 1;
  });

  for (const c of winners) {
    const first = c.won[0];
    if (!first) continue;
    const settled = c.won.length === c.members.length && c.won.every((p) => p.id === first.id);
    if (settled) for (const u of c.members) out.awards.push({ unitId: u.unitId, prize: first });
    else out.undecided.push(undecidedEntry(c));
  }
  return out;
}

/** Consecutive units of equal rank, as classes (a floor may pass over any number of them). */
function rankClasses(ranked: readonly PrizeCandidate[]): RankClass[] {
  const classes: RankClass[] = [];
  for (const u of ranked) {
    const last = classes[classes.length - 1];
    if (last && last.rank === u.rank) {
      last.members.push(u);
      last.left += 1;
    } else {
      classes.push({ rank: u.rank, members: [u], left: 1, won: [], firstSlot: -1 });
    }
  }
  return classes;
}

/** The class that wins this slot under the policy, or null when the slot is vacant. */
function classFor(slot: RuleSetPrize, classes: readonly RankClass[], policy: PrizePolicy): RankClass | null {
  for (const c of classes) {
    if (c.left === 0) continue;
    const meets = meetsPrizeFloor((c.members[0] as PrizeCandidate).counts, slot);
    if (meets) return c;
    if (policy === 'vacate') return null;
  }
  return null;
}

function undecidedEntry(c: RankClass): UndecidedPrizes {
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
