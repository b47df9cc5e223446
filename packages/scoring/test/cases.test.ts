/**
 * Runs every case table in test/cases/*.json. Each case is written for a reader of the plan:
 * a name, the units (and any policy or rule-set change), and only the expected figures the case is
 * about, each computed by hand with exact fractions (the working is in `note`).
 *
 * Every case runs twice: on the certified-float fast path and with `{ exact: true }`, and the two
 * evaluations must be identical. Breakdown expectations are checked against `explain`.
 *
 * Gap expectations: `null` stands for "nowhere to go" (the evaluation leaves the key out) as well as
 * "out of reach" (null); the tables written for version 1 use it that way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  evaluate,
  explain,
  getPreset,
  nuiThanh2023,
  ScoringInputError,
  upgradeRuleSet,
  validateRuleSet,
  validateUnits,
  type Evaluation,
  type RuleSet,
  type UnitInput,
  type UnitResult,
} from '../src/index.js';

type Path = (string | number)[];
interface IssueRef {
  path: Path;
  code: string;
}
interface UnitExpect {
  eligible?: boolean;
  class?: string | null;
  targets?: Record<string, boolean>;
  reasons?: string[];
  score?: string | null;
  rank?: number | null;
  /** Rank by each criterion of ranking.alsoBy (null: none). */
  criterionRanks?: Record<string, number> | null;
  prize?: string | null;
  prizeAmount?: number | null;
  undecidedPrizeIds?: string[];
  meetsFirstPrizeFloor?: boolean;
  /** Breakdown step id → exact decimal value ("5" equals "5.00"). */
  breakdown?: Record<string, string>;
  metrics?: Record<string, string | null>;
  gaps?: {
    eligibility?: number | null;
    firstPrizeFloor?: number | null;
    nextBracket?: { cases: number; coefficient: string } | null;
    nextClass?: { moves: number; classId: string } | null;
    passUnitAbove?: { cases: number; unitId: string } | null;
    targets?: Record<string, number | null>;
  } | null;
}
interface GroupExpect {
  /** [unitId, rank] for every ranked unit. */
  ranking?: [string, number][];
  /** [prizeId, unitId] for every decided prize. */
  prizes?: [string, string][];
  vacantPrizes?: string[];
  undecided?: { prizeIds: string[]; unitIds: string[]; rank: number; amount: number }[];
  ineligibleUnitIds?: string[];
  totalAwarded?: number;
  budget?: number;
}
interface CaseExpect {
  units?: Record<string, UnitExpect>;
  groups?: Record<string, GroupExpect>;
  totalAwarded?: number;
  policies?: Record<string, string>;
  warnings?: IssueRef[];
  /** evaluate must throw ScoringInputError with exactly these issues (and validateUnits agree). */
  errors?: IssueRef[];
}
interface Case {
  name: string;
  note?: string;
  options?: { policies?: Record<string, string>; gaps?: boolean };
  /** The preset the case runs under (default nui-thanh-2023). */
  preset?: string;
  /** Or a rule-set file, from the repository's root (an adopter's example in docs/examples/adopters/). */
  rules?: string;
  /** Changes to a copy of the preset, e.g. another rounding mode. */
  ruleSetPatch?: { path: Path; value: unknown }[];
  units: unknown;
  expect: CaseExpect;
}
interface CaseFile {
  title: string;
  cases: Case[];
}

const casesDir = new URL('./cases/', import.meta.url);
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const unitKeys = new Set([
  'eligible', 'reasons', 'score', 'rank', 'prize', 'prizeAmount', 'undecidedPrizeIds',
  'meetsFirstPrizeFloor', 'breakdown', 'metrics', 'gaps', 'class', 'targets', 'criterionRanks',
]);
const groupKeys = new Set(['ranking', 'prizes', 'vacantPrizes', 'undecided', 'ineligibleUnitIds', 'totalAwarded', 'budget']);
const caseKeys = new Set(['units', 'groups', 'totalAwarded', 'policies', 'warnings', 'errors']);

/** "5", "5.0" and "5.00" are the same number; compare decimal strings without floats. */
function normaliseDecimal(s: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  let [int = '', frac = ''] = s.split('.');
  frac = frac.replace(/0+$/, '');
  int = int.replace(/^(-?)0+(?=\d)/, '$1');
  return frac ? `${int}.${frac}` : int;
}

function issueKey(i: IssueRef): string {
  return JSON.stringify([i.path, i.code]);
}

/** Rule sets of version 1 kept as fixtures: case tables run them as converted by `upgradeRuleSet`. */
const version1 = (file: string): RuleSet => {
  const converted = upgradeRuleSet(JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')));
  if (!converted.ruleSet) throw new Error(`fixture ${file} does not convert: ${JSON.stringify(converted.errors)}`);
  return converted.ruleSet;
};
const legacy: Record<string, () => RuleSet> = { 'cuong-gian-2024-example': () => version1('cuong-gian-2024-example.v1.json') };

/** A rule-set file as an adopter writes it: it must be valid, and warn of nothing. */
function ruleSetFile(path: string): RuleSet {
  const checked = validateRuleSet(JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')));
  if (!checked.ruleSet) throw new Error(`${path} is not a valid rule set: ${JSON.stringify(checked.errors)}`);
  expect(checked.warnings, `${path} warns of nothing`).toEqual([]);
  return checked.ruleSet;
}

function patched(presetId: string | undefined, patches: Case['ruleSetPatch'], file?: string): RuleSet {
  const preset = file !== undefined ? ruleSetFile(file) : presetId === undefined ? nuiThanh2023 : (getPreset(presetId) ?? legacy[presetId]?.());
  if (!preset) throw new Error(`unknown preset "${presetId}" in a case table`);
  const rs = structuredClone(preset) as unknown as Record<string | number, unknown>;
  for (const { path, value } of patches ?? []) {
    let target = rs as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1] as string | number] = value;
  }
  return rs as unknown as RuleSet;
}

function checkUnit(u: UnitResult, want: UnitExpect, input: UnitInput, ruleSet: RuleSet, options: Case['options']): void {
  for (const k of Object.keys(want)) expect(unitKeys, `unknown unit expectation "${k}"`).toContain(k);
  if (want.eligible !== undefined) expect(u.eligible, 'eligible').toBe(want.eligible);
  if (want.reasons !== undefined) expect((u.reasons ?? []).map((r) => r.code).sort(), 'reasons').toEqual([...want.reasons].sort());
  if (want.class !== undefined) expect(u.class, 'class').toBe(want.class);
  if (want.targets !== undefined) expect(u.targets, 'targets').toEqual(want.targets);
  if (want.score !== undefined) expect(u.score, 'score').toBe(want.score);
  if (want.rank !== undefined) expect(u.rank, 'rank').toBe(want.rank);
  if (want.criterionRanks !== undefined) expect(u.criterionRanks ?? null, 'criterionRanks').toEqual(want.criterionRanks);
  if (want.prize !== undefined) expect(u.prize?.id ?? null, 'prize').toBe(want.prize);
  if (want.prizeAmount !== undefined) expect(u.prize?.amount ?? null, 'prize amount').toBe(want.prizeAmount);
  if (want.undecidedPrizeIds !== undefined) {
    expect([...(u.undecidedPrizeIds ?? [])].sort(), 'undecidedPrizeIds').toEqual([...want.undecidedPrizeIds].sort());
  }
  // Version 1 said "meets the first-prize floor" of every unit; an ineligible one, or one in a group without a floor, is now left unsaid.
  if (want.meetsFirstPrizeFloor !== undefined) expect(u.meetsPrizeFloor ?? (u.eligible && want.meetsFirstPrizeFloor), 'meetsFirstPrizeFloor').toBe(want.meetsFirstPrizeFloor);
  if (want.breakdown !== undefined) {
    const steps = explain(input, ruleSet, options?.policies ? { policies: options.policies as never } : {}).steps;
    for (const [stepId, value] of Object.entries(want.breakdown)) {
      const step = steps.find((s) => s.id === stepId);
      expect(step, `breakdown step "${stepId}"`).toBeDefined();
      expect(normaliseDecimal(step?.value ?? ''), `breakdown ${stepId}`).toBe(normaliseDecimal(value));
    }
  }
  for (const [key, value] of Object.entries(want.metrics ?? {})) {
    expect((u.metrics as unknown as Record<string, unknown>)[key], `metrics.${key}`).toBe(value);
  }
  if (want.gaps === null) expect(u.gaps, 'gaps').toBeUndefined();
  else if (want.gaps !== undefined) {
    expect(u.gaps, 'gaps').toBeDefined();
    const g = want.gaps;
    if (g.eligibility !== undefined) expect(u.gaps?.eligibility ?? null, 'gaps.eligibility').toBe(g.eligibility);
    if (g.firstPrizeFloor !== undefined) expect(u.gaps?.prizeFloor ?? null, 'gaps.firstPrizeFloor').toBe(g.firstPrizeFloor);
    if (g.nextBracket !== undefined) {
      const got = u.gaps?.nextBracket ?? null;
      expect(got && { cases: got.moves, coefficient: normaliseDecimal(got.value) }, 'gaps.nextBracket').toEqual(
        g.nextBracket && { cases: g.nextBracket.cases, coefficient: normaliseDecimal(g.nextBracket.coefficient) },
      );
    }
    if (g.nextClass !== undefined) expect(u.gaps?.nextClass ?? null, 'gaps.nextClass').toEqual(g.nextClass);
    if (g.passUnitAbove !== undefined) {
      const got = u.gaps?.passUnitAbove ?? null;
      expect(got && { cases: got.moves, unitId: got.unitId }, 'gaps.passUnitAbove').toEqual(g.passUnitAbove);
    }
    if (g.targets !== undefined) expect(u.gaps?.targets ?? {}, 'gaps.targets').toEqual(g.targets);
  }
}

function checkGroup(ev: Evaluation, id: string, want: GroupExpect): void {
  for (const k of Object.keys(want)) expect(groupKeys, `unknown group expectation "${k}"`).toContain(k);
  const g = ev.groups.find((x) => x.id === id);
  expect(g, `group ${id}`).toBeDefined();
  if (!g) return;
  const sortPairs = (pairs: [string, string | number][]) => [...pairs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (want.ranking) {
    const rankOf = (id: string) => ev.units.find((u) => u.unitId === id)?.rank ?? null;
    expect(sortPairs(g.ranking.map((id) => [id, rankOf(id) as number])), 'ranking').toEqual(sortPairs(want.ranking));
    // Listed in rank order.
    const ranks = g.ranking.map((id) => rankOf(id) as number);
    expect(ranks, 'ranking order').toEqual([...ranks].sort((a, b) => a - b));
  }
  if (want.prizes) expect(sortPairs(g.prizes.map((p) => [p.prizeId, p.unitId])), 'prizes').toEqual(sortPairs(want.prizes));
  if (want.vacantPrizes) expect(g.vacantPrizes, 'vacantPrizes').toEqual(want.vacantPrizes);
  if (want.undecided) {
    expect(
      g.undecided.map((u) => ({ prizeIds: u.prizeIds, unitIds: [...u.unitIds].sort(), rank: u.rank, amount: u.amount })),
      'undecided',
    ).toEqual(want.undecided.map((u) => ({ ...u, unitIds: [...u.unitIds].sort() })));
  }
  if (want.ineligibleUnitIds) expect([...g.ineligibleUnitIds].sort(), 'ineligibleUnitIds').toEqual([...want.ineligibleUnitIds].sort());
  if (want.totalAwarded !== undefined) expect(g.totalAwarded, 'group totalAwarded').toBe(want.totalAwarded);
  if (want.budget !== undefined) expect(g.budget, 'budget').toBe(want.budget);
}

function runCase(c: Case): void {
  for (const k of Object.keys(c.expect)) expect(caseKeys, `unknown expectation "${k}"`).toContain(k);
  const ruleSet = patched(c.preset, c.ruleSetPatch, c.rules);
  const run = () => evaluate(c.units as never, ruleSet, c.options as never);
  const runExact = () => evaluate(c.units as never, ruleSet, { ...(c.options as object), exact: true } as never);

  if (c.expect.errors) {
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, 'evaluate throws ScoringInputError').toBeInstanceOf(ScoringInputError);
    const issues = (thrown as ScoringInputError).issues;
    expect(issues.map(issueKey).sort()).toEqual(c.expect.errors.map(issueKey).sort());
    for (const issue of issues) {
      expect(issue.message.vi.length, 'Vietnamese message').toBeGreaterThan(0);
      expect(issue.message.en.length, 'English message').toBeGreaterThan(0);
    }
    const v = validateUnits(c.units, ruleSet);
    expect(v.ok).toBe(false);
    expect(v.errors.map(issueKey).sort()).toEqual(c.expect.errors.map(issueKey).sort());
    return;
  }

  const ev = run();
  // The fast path and the exact calculator give the same evaluation, figure for figure.
  expect(runExact(), 'the exact path agrees with the fast path').toStrictEqual(ev);
  const inputs = c.units as UnitInput[];
  for (const [unitId, want] of Object.entries(c.expect.units ?? {})) {
    const u = ev.units.find((x) => x.unitId === unitId);
    expect(u, `unit ${unitId} in the evaluation`).toBeDefined();
    if (u) checkUnit(u, want, inputs.find((x) => x.id === unitId) as UnitInput, ruleSet, c.options);
  }
  for (const [groupId, want] of Object.entries(c.expect.groups ?? {})) checkGroup(ev, groupId, want);
  if (c.expect.totalAwarded !== undefined) expect(ev.totalAwarded, 'totalAwarded').toBe(c.expect.totalAwarded);
  if (c.expect.policies) expect(ev.policies).toMatchObject(c.expect.policies);
  if (c.expect.warnings) expect(ev.warnings.map(issueKey).sort(), 'warnings').toEqual(c.expect.warnings.map(issueKey).sort());
}

test('there are case tables', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const file of files) {
  const table = JSON.parse(readFileSync(new URL(file, casesDir), 'utf8')) as CaseFile;
  describe(`${file}: ${table.title}`, () => {
    const names = new Set<string>();
    for (const c of table.cases) {
      if (names.has(c.name)) throw new Error(`duplicate case name in ${file}: ${c.name}`);
      names.add(c.name);
      test(c.name, () => runCase(c));
    }
  });
}
