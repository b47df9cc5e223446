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
 * Prize slots are filled in order, one prize per unit, from eligible units in rank order.
 * - Policy `best-qualified` (default): a slot with its own floor (the first prize: 70% online)
 *   goes to the highest-ranked remaining unit that meets it; units passed over stay in line for
 *   the next slots.
 * - Policy `vacate`: a slot with a floor goes to the highest-ranked remaining unit only if that
 *   unit meets it; otherwise the slot is vacant.
 * - A slot nobody can take is vacant.
 * - Units tied on rank take the next slots together. If those slots are all the same prize, each
 *   gets it; if the tie straddles a boundary (two prizes, or a prize and nothing), those slots are
 *   left `undecided` for the committee, naming the tied units — never assigned silently.
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

export function allocatePrizes(
  ranked: readonly PrizeCandidate[],
  group: RuleSetGroup,
  policy: PrizePolicy,
): PrizeAllocation {
  const slots = group.prizes.flatMap((p) => Array.from({ length: p.count }, () => p));
  let remaining = [...ranked];
  const out: PrizeAllocation = { awards: [], vacant: [], undecided: [] };

  let i = 0;
  while (i < slots.length) {
    const slot = slots[i] as RuleSetPrize;
    const tied = topClassFor(slot, remaining, policy);
    if (tied.length === 0) {
      out.vacant.push(slot);
      i += 1;
      continue;
    }
    const covered = slots.slice(i, i + tied.length);
    const onePrize = tied.length <= covered.length && covered.every((s) => s.id === slot.id);
    if (onePrize) {
      for (const u of tied) out.awards.push({ unitId: u.unitId, prize: slot });
    } else {
      out.undecided.push(undecidedEntry(covered, tied));
    }
    const taken = new Set(tied.map((u) => u.unitId));
    remaining = remaining.filter((u) => !taken.has(u.unitId));
    i += covered.length;
  }
  return out;
}

/** The units that compete for this slot: the best-ranked class allowed by the policy. */
function topClassFor(slot: RuleSetPrize, remaining: readonly PrizeCandidate[], policy: PrizePolicy): PrizeCandidate[] {
  // `remaining` is in rank order, so the class ends at the first unit of a worse rank.
  const tied: PrizeCandidate[] = [];
  let classRank: number | null = null;
  for (const u of remaining) {
    if (classRank === null) {
      if (policy === 'vacate') classRank = u.rank;
      else if (meetsPrizeFloor(u.counts, slot)) classRank = u.rank;
      else continue;
    }
    if (u.rank !== classRank) break;
    if (meetsPrizeFloor(u.counts, slot)) tied.push(u);
  }
  return tied;
}

function undecidedEntry(covered: readonly RuleSetPrize[], tied: readonly PrizeCandidate[]): UndecidedPrizes {
  const rank = (tied[0] as PrizeCandidate).rank;
  const names = tied.map((u) => u.unitName).join(', ');
  const viPrizes = covered.map((p) => p.label.vi.toLowerCase()).join(', ');
  const enPrizes = covered.map((p) => p.label.en.toLowerCase()).join(', ');
  return {
    prizeIds: covered.map((p) => p.id),
    amount: covered.reduce((sum, p) => sum + p.amountVnd, 0),
    unitIds: tied.map((u) => u.unitId),
    rank,
    message: {
      vi: `${tied.length} đơn vị đồng hạng ${rank} (${names}) cho ${covered.length} suất (${viPrizes}): Hội đồng Thi đua - Khen thưởng quyết định.`,
      en: `${tied.length} units tied at rank ${rank} (${names}) for ${covered.length} slot(s) (${enPrizes}): for the awards committee to decide.`,
    },
  };
}
