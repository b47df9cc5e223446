/**
 * The public contract of @thidua/scoring. Everything here is plain JSON-serialisable data:
 * no Decimal, no Date, no class instances — so an evaluation can be stored, sent over HTTP,
 * signed and re-checked anywhere.
 */

/** Vietnamese first, English second: every user-facing text the library produces. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** Where a rule comes from: the plan's section and the Vietnamese sentence it implements. */
export interface Citation {
  /** e.g. "III.1" */
  section: string;
  /** The plan's sentence, quoted verbatim (Vietnamese). */
  text: string;
  /** An English rendering, for readers who do not read Vietnamese. */
  textEn?: string | undefined;
}

/**
 * One unit's statistics for the campaign period (or cumulative up to a snapshot date).
 * Counts are whole numbers of cases (hồ sơ).
 */
export interface UnitInput {
  /** Stable identifier, unique within the roster. */
  id: string;
  /** Display name, e.g. "Xã Tam Xuân I". */
  name: string;
  /** Group id from the rule set, e.g. "departments" (Nhóm 1) or "communes" (Nhóm 2). */
  group: string;
  /** R — tổng số hồ sơ TTHC đã giải quyết: cases resolved through every channel. */
  resolvedTotal: number;
  /** O — hồ sơ giải quyết bằng DVC trực tuyến toàn trình, một phần: resolved cases filed online. */
  resolvedOnline: number;
  /** T — hồ sơ trực tuyến giải quyết đúng hạn, trước hạn: online cases resolved on time or early. */
  resolvedOnlineOnTime: number;
  /** L — hồ sơ giải quyết trễ hạn: cases resolved late, every channel. */
  resolvedLate: number;
  /** Optional split of O: toàn trình (full online). */
  resolvedOnlineFull?: number;
  /** Optional split of O: một phần (partial online). */
  resolvedOnlinePartial?: number;
}

/** One validation problem, zod-style, with a path to the exact unit and field. */
export interface ScoringIssue {
  /** e.g. [3, "resolvedLate"] — index in the unit list, then the field. */
  path: (string | number)[];
  /** Stable machine code, listed in docs/errors.md. */
  code: string;
  message: LocalizedText;
}

export type DeductionMode = 'proportional' | 'whole-percent';
export type CombinationMode = 'deduct-then-multiply' | 'multiply-then-deduct';
export type PrizePolicy = 'best-qualified' | 'vacate';
export type RoundingMode = 'half-up' | 'half-even' | 'down';

/** Policies that switch an interpretation of the plan; each documented in docs/rules.md. */
export interface Policies {
  deduction: DeductionMode;
  combination: CombinationMode;
  prizes: PrizePolicy;
}

export interface EvaluateOptions {
  /** Override some of the rule set's policies for this evaluation. */
  policies?: Partial<Policies>;
  /** Compute `gaps` for every unit (default true). */
  gaps?: boolean;
}

/** Why a unit is not eligible. */
export interface IneligibilityReason {
  code: 'no-cases' | 'online-share-below-floor' | 'online-cases-below-minimum';
  message: LocalizedText;
  citation: Citation;
}

/** One step of a unit's score, with enough to redo it by hand. */
export interface BreakdownStep {
  /** e.g. "base", "latePercent", "deduction", "coefficient", "raw", "score". */
  id: string;
  label: LocalizedText;
  /** The formula with the unit's own numbers, e.g. "2345 / 2500 × 100". */
  formula: string;
  /** Decimal string; shown to at most 10 decimal places. */
  value: string;
  /** False when `value` is a display rounding of a non-terminating exact value. */
  exact: boolean;
  citation: Citation;
}

export interface Prize {
  /** "first" | "second" | "third" | "encouragement" (or a rule set's own ids). */
  id: string;
  label: LocalizedText;
  /** Integer number of đồng. */
  amount: number;
}

/** Fewest additional cases resolved online on time (each adds 1 to R, O and T). */
export interface Gaps {
  /** To reach the group's eligibility floor; null when already eligible (or unreachable). */
  eligibility: number | null;
  /** To reach the first-prize floor; null when already met or the group has none. */
  firstPrizeFloor: number | null;
  /** To reach the next coefficient bracket; null at the top bracket. */
  nextBracket: { cases: number; coefficient: string } | null;
  /** To rank strictly ahead of the unit ranked just above; null for rank 1 and ineligible units. */
  passUnitAbove: { cases: number; unitId: string; unitName: string } | null;
}

/** Display-ready figures, so no front end ever recomputes a rule. Percentages have 2 decimals. */
export interface UnitMetrics {
  /** O / R × 100, rounded down to 2 decimals so that 64.999% never displays as 65.00%. */
  onlineSharePercent: string | null;
  /** T / R × 100 (the base score), 2 decimals half-up. */
  onTimeOnlinePercent: string | null;
  /** L / R × 100, 2 decimals half-up. */
  latePercent: string | null;
  /** Points deducted, 2 decimals half-up. */
  deduction: string | null;
  /** The volume coefficient, e.g. "0.3". */
  coefficient: string;
}

export interface UnitResult {
  unitId: string;
  unitName: string;
  groupId: string;
  /** The unit's counts as given. */
  input: Omit<UnitInput, 'id' | 'name' | 'group'>;
  eligible: boolean;
  /** Empty when eligible. */
  reasons: IneligibilityReason[];
  /** Published score with exactly the rule set's decimals; null when there are no cases. */
  score: string | null;
  /** Competition rank within the group (1, 2, 2, 4); null when ineligible. */
  rank: number | null;
  /** Whether the unit meets the first-prize floor (if the group has one). */
  meetsFirstPrizeFloor: boolean;
  prize: Prize | null;
  /** When the unit is in a tie that straddles a prize boundary: the prize ids it is tied for. */
  undecidedPrizeIds: string[];
  metrics: UnitMetrics;
  breakdown: BreakdownStep[];
  gaps: Gaps | null;
}

export interface RankingEntry {
  rank: number;
  unitId: string;
  score: string;
}

export interface AwardedPrize {
  prizeId: string;
  label: LocalizedText;
  amount: number;
  unitId: string;
  unitName: string;
  rank: number;
}

/** Prize slots a tie leaves to the committee: which prizes, and which tied units. */
export interface UndecidedPrizes {
  prizeIds: string[];
  /** Sum of the undecided slots' amounts, in đồng. */
  amount: number;
  unitIds: string[];
  rank: number;
  message: LocalizedText;
}

export interface GroupResult {
  id: string;
  name: LocalizedText;
  /** Eligible units in rank order (ties listed by unit id, which does not affect their rank). */
  ranking: RankingEntry[];
  /** Units not ranked, by unit id. */
  ineligibleUnitIds: string[];
  prizes: AwardedPrize[];
  /** One prize id per vacant slot, in prize order. */
  vacantPrizes: string[];
  undecided: UndecidedPrizes[];
  /** Sum of awarded (decided) prizes, in đồng. */
  totalAwarded: number;
  /** Sum of every prize slot of the group, in đồng. */
  budget: number;
}

export interface EvaluationWarning extends ScoringIssue {}

export interface Evaluation {
  ruleSetId: string;
  libraryVersion: string;
  policies: Policies;
  /** Grouped in rule-set group order, then rank, then unit id. */
  units: UnitResult[];
  groups: GroupResult[];
  /** Sum over groups, in đồng. */
  totalAwarded: number;
  warnings: EvaluationWarning[];
}
