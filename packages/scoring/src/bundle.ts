import { sha256 } from '@noble/hashes/sha2';
import { evaluate } from './evaluate.js';
import { ScoringInputError } from './errors.js';
import type { LocalizedText } from './schema/common.js';
import type { Evaluation, ScoringIssue } from './schema/evaluation.js';
import type { RuleSet } from './schema/rule-set.js';
import { unitTextFields, type UnitInput } from './schema/units.js';
import { upgradeRuleSet } from './upgrade.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate-units.js';
import { VERSION } from './version.js';

/**
 * The award bundle (hồ sơ kết quả khen thưởng): everything needed to check a published result
 * independently — the rule set, the input statistics, their SHA-256, the library version and the
 * evaluation. `verifyAwardBundle` recomputes it and names the first figure that does not match.
 *
 * Hashes. `input.sha256` is the SHA-256 of the canonical JSON of the units, so that anyone can
 * recompute it from the bundle alone: the units sorted by id (UTF-16 code-unit order), each with its
 * keys in the order id, name, group, then the rule set's inputs in declared order (those given),
 * written by JSON.stringify without spaces and encoded as UTF-8. `input.units` is stored in exactly
 * that form. When the original statistics file is known, `input.fileSha256` is the SHA-256 of its
 * bytes — the figure the leaderboard and its exports show as "SHA-256 tệp số liệu".
 *
 * Pure and isomorphic: SHA-256 comes from @noble/hashes (audited, no dependencies), so a bundle
 * hashes the same in Node, in a browser on plain HTTP (where Web Crypto is withheld) and anywhere
 * else. The functions stay asynchronous, as they were when they used Web Crypto.
 */

export interface AwardBundleInput {
  /** The units in canonical form (sorted by id, keys in a fixed order). */
  units: UnitInput[];
  /** SHA-256 (hex) of the canonical JSON of `units`. */
  sha256: string;
  /** The statistics file the units were read from, when known. */
  fileName?: string;
  /** SHA-256 (hex) of that file's bytes, when known. */
  fileSha256?: string;
}

/** Where a bundle was published from; recorded as given, not verified. */
export interface AwardBundlePublication {
  campaignId?: string;
  /** YYYY-MM-DD: the date the statistics are cumulative to. */
  asOf?: string;
  status?: 'provisional' | 'final';
  snapshotId?: number;
  /** ISO timestamp. */
  generatedAt?: string;
  /** Demo data ("dữ liệu minh họa"). */
  sample?: boolean;
  /** The award decision (số, ngày, người ký), once finalised. */
  decision?: { number: string; date: string; signer: string };
}

export interface AwardBundle {
  bundleVersion: 2;
  /** The @thidua/scoring version that computed `evaluation`. */
  libraryVersion: string;
  ruleSet: RuleSet;
  input: AwardBundleInput;
  evaluation: Evaluation;
  publication?: AwardBundlePublication;
}

export interface AwardBundleOptions {
  inputFileName?: string;
  /** The original statistics file: its SHA-256 is recorded as `input.fileSha256`. */
  inputBytes?: Uint8Array;
  /** The file's SHA-256 when the bytes are no longer at hand (e.g. a stored snapshot). */
  inputFileSha256?: string;
  publication?: AwardBundlePublication;
}

/** One figure of the bundle that the recomputation does not reproduce. */
export interface BundleMismatch {
  /** e.g. "evaluation.units[3].score" or "input.sha256". */
  path: string;
  /** The recomputed value. */
  expected: unknown;
  /** The bundle's value (undefined when absent). */
  actual: unknown;
  /** The unit concerned, when the path goes through evaluation.units[i]. */
  unitId?: string;
}

export interface AwardBundleVerification {
  /** True when the bundle is well-formed and every figure matches. */
  ok: boolean;
  /** Every differing figure, in bundle order (hash first, then the evaluation). At most 1000. */
  mismatches: BundleMismatch[];
  firstMismatch: BundleMismatch | null;
  /** Why the bundle could not be recomputed at all (not a bundle, invalid rule set or units). */
  issues: ScoringIssue[];
  /** The version that made the bundle and the one that checked it (they may differ). */
  bundleLibraryVersion: string | null;
  verifierLibraryVersion: string;
  /** The bundle's format: 1 (@thidua/scoring 0.1, checked figure by figure against its own fields) or 2. */
  bundleVersion: number | null;
}

/** The units as the bundle stores and hashes them: sorted by id, keys in a fixed order. */
export function canonicalUnits(units: readonly UnitInput[], ruleSet: RuleSet): UnitInput[] {
  const keys = [...unitTextFields, ...ruleSet.inputs.map((i) => i.id)];
  const byId = (a: UnitInput, b: UnitInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...units].sort(byId).map((u) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) if (u[key] !== undefined) out[key] = u[key];
    return out as UnitInput;
  });
}

/** SHA-256 (hex) of the canonical JSON of a unit list. */
export async function unitsSha256(units: readonly UnitInput[], ruleSet: RuleSet): Promise<string> {
  return sha256Hex(utf8(JSON.stringify(canonicalUnits(units, ruleSet))));
}

/** SHA-256 (hex) of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  let hex = '';
  for (const b of sha256(bytes)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Evaluates the units under the rule set and packs the result with everything needed to check it.
 * @throws ScoringInputError when the units or the rule set are invalid (as `evaluate`).
 */
export async function createAwardBundle(units: readonly UnitInput[], ruleSet: RuleSet, options: AwardBundleOptions = {}): Promise<AwardBundle> {
  // Checked as given first: canonical form would silently drop an unknown field.
  const rules = validateRuleSet(ruleSet);
  if (!rules.ok) throw new ScoringInputError(rules.errors);
  const given = validateUnits(units, ruleSet);
  if (!given.ok) throw new ScoringInputError(given.errors);
  const canonical = canonicalUnits(units, ruleSet);
  // Evaluated in canonical order, so that the paths in `evaluation.warnings` index `input.units`.
  const evaluation = evaluate(canonical, ruleSet);
  const input: AwardBundleInput = { units: canonical, sha256: await sha256Hex(utf8(JSON.stringify(canonical))) };
  if (options.inputFileName !== undefined) input.fileName = options.inputFileName;
  if (options.inputBytes !== undefined) input.fileSha256 = await sha256Hex(options.inputBytes);
  else if (options.inputFileSha256 !== undefined) input.fileSha256 = options.inputFileSha256;
  const bundle: AwardBundle = { bundleVersion: 2, libraryVersion: VERSION, ruleSet, input, evaluation };
  if (options.publication !== undefined) bundle.publication = options.publication;
  return bundle;
}

const maxMismatches = 1000;

/**
 * Recomputes a bundle — the units' SHA-256 and the whole evaluation from its rule set and units —
 * and lists every figure that differs. With `inputBytes` (the original statistics file), also
 * checks `input.fileSha256`. Never throws on a malformed bundle: it reports `issues` instead.
 *
 * A bundle of format 1 (made by @thidua/scoring 0.1) has its rule set converted (`upgradeRuleSet`)
 * and every figure that format held — scores, ranks, prizes, vacancies, undecided prizes, shown
 * metrics, gaps — compared with this version's. The evaluation's `libraryVersion` is not compared.
 */
export async function verifyAwardBundle(bundle: unknown, options: { inputBytes?: Uint8Array } = {}): Promise<AwardBundleVerification> {
  const format = isRecord(bundle) && typeof bundle.bundleVersion === 'number' ? bundle.bundleVersion : null;
  const result = (issues: ScoringIssue[], mismatches: BundleMismatch[], version: string | null): AwardBundleVerification => ({
    ok: issues.length === 0 && mismatches.length === 0,
    mismatches,
    firstMismatch: mismatches[0] ?? null,
    issues,
    bundleLibraryVersion: version,
    verifierLibraryVersion: VERSION,
    bundleVersion: format,
  });

  if (!isRecord(bundle)) return result([issue([], 'not_a_bundle', bundleMessages.notABundle)], [], null);
  const version = typeof bundle.libraryVersion === 'string' ? bundle.libraryVersion : null;
  const issues: ScoringIssue[] = [];
  if (format !== 1 && format !== 2) issues.push(issue(['bundleVersion'], 'unsupported_bundle_version', bundleMessages.version));
  const rules = format === 1 ? upgradeRuleSet(bundle.ruleSet) : validateRuleSet(bundle.ruleSet);
  issues.push(...rules.errors.map((e) => ({ ...e, path: ['ruleSet', ...e.path] })));
  const input = isRecord(bundle.input) ? bundle.input : null;
  if (!input) issues.push(issue(['input'], 'not_a_bundle', bundleMessages.missing('input')));
  if (input && typeof input.sha256 !== 'string') issues.push(issue(['input', 'sha256'], 'not_a_bundle', bundleMessages.missing('input.sha256')));
  if (!isRecord(bundle.evaluation)) issues.push(issue(['evaluation'], 'not_a_bundle', bundleMessages.missing('evaluation')));
  if (input && rules.ruleSet) {
    const units = validateUnits(input.units, rules.ruleSet);
    for (const e of units.errors) issues.push({ ...e, path: ['input', 'units', ...e.path] });
  }
  if (issues.length > 0 || !input || !rules.ruleSet) return result(issues, [], version);

  const ruleSet = rules.ruleSet;
  const units = input.units as UnitInput[];
  const mismatches: BundleMismatch[] = [];
  const sha = await unitsSha256(units, ruleSet);
  if (sha !== input.sha256) mismatches.push({ path: 'input.sha256', expected: sha, actual: input.sha256 });
  if (options.inputBytes !== undefined) {
    const fileSha256 = await sha256Hex(options.inputBytes);
    if (fileSha256 !== input.fileSha256) mismatches.push({ path: 'input.fileSha256', expected: fileSha256, actual: input.fileSha256 });
  }
  const recomputed = evaluate(units, ruleSet);
  const actual = bundle.evaluation as Record<string, unknown>;
  if (format === 1) diff(legacyFigures(recomputed), legacyFigures(actual as unknown as LegacyEvaluation), 'evaluation', mismatches);
  else diff({ ...recomputed, libraryVersion: actual.libraryVersion }, actual, 'evaluation', mismatches);
  for (const m of mismatches) {
    const at = /^evaluation\.units\[(\d+)\]/.exec(m.path);
    const unit = at ? recomputed.units[Number(at[1])] : undefined;
    if (unit) m.unitId = unit.unitId;
  }
  return result([], mismatches, version);
}

/** What format 1 held of each unit and group, read from either format's evaluation. */
interface LegacyEvaluation {
  units?: Record<string, unknown>[];
  groups?: Record<string, unknown>[];
  totalAwarded?: unknown;
}
function legacyFigures(ev: LegacyEvaluation | Evaluation): unknown {
  const units = ((ev as LegacyEvaluation).units ?? []).map((u) => {
    const gaps = u.gaps as Record<string, unknown> | null | undefined;
    const bracket = gaps?.nextBracket as Record<string, unknown> | null | undefined;
    const pass = gaps?.passUnitAbove as Record<string, unknown> | null | undefined;
    return {
      unitId: u.unitId,
      eligible: u.eligible,
      reasons: ((u.reasons as { code: string }[] | undefined) ?? []).map((r) => r.code),
      score: u.score,
      rank: u.rank,
      prize: u.prize ? { id: (u.prize as Prize).id, amount: (u.prize as Prize).amount } : null,
      undecidedPrizeIds: u.undecidedPrizeIds,
      meetsPrizeFloor: u.meetsPrizeFloor ?? u.meetsFirstPrizeFloor,
      metrics: legacyMetrics(u.metrics as Record<string, unknown> | undefined),
      gaps: gaps
        ? {
            eligibility: gaps.eligibility,
            prizeFloor: gaps.prizeFloor ?? gaps.firstPrizeFloor ?? null,
            nextBracket: bracket ? { moves: bracket.moves ?? bracket.cases, value: bracket.value ?? bracket.coefficient } : null,
            passUnitAbove: pass ? { moves: pass.moves ?? pass.cases, unitId: pass.unitId } : null,
          }
        : null,
    };
  });
  const groups = ((ev as LegacyEvaluation).groups ?? []).map((g) => ({
    id: g.id,
    ranking: g.ranking,
    ineligibleUnitIds: g.ineligibleUnitIds,
    prizes: g.prizes,
    vacantPrizes: g.vacantPrizes,
    undecided: ((g.undecided as Record<string, unknown>[] | undefined) ?? []).map((u) => ({ prizeIds: u.prizeIds, amount: u.amount, unitIds: u.unitIds, rank: u.rank })),
    totalAwarded: g.totalAwarded,
    budget: g.budget,
  }));
  return { units, groups, totalAwarded: (ev as LegacyEvaluation).totalAwarded };
}
interface Prize {
  id: string;
  amount: number;
}

/** Format 1 named the shown figures after their old fields; the version 2 converter gives them these ids. */
const legacyMetricIds: Record<string, string> = { onlineSharePercent: 'onlineShare', onTimeOnlinePercent: 'onTimeShare', latePercent: 'lateShare' };
function legacyMetrics(metrics: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!metrics) return metrics;
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [legacyMetricIds[k] ?? k, v]));
}

/** Appends every difference between `expected` and `actual` (expected's key order first). */
function diff(expected: unknown, actual: unknown, path: string, out: BundleMismatch[]): void {
  if (out.length >= maxMismatches) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) diff(expected[i], actual[i], `${path}[${i}]`, out);
    if (expected.length !== actual.length) out.push({ path: `${path}.length`, expected: expected.length, actual: actual.length });
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of Object.keys(expected)) {
      if (expected[key] === undefined && !(key in actual)) continue;
      diff(expected[key], actual[key], `${path}.${key}`, out);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected) && actual[key] !== undefined) out.push({ path: `${path}.${key}`, expected: undefined, actual: actual[key] });
    }
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path, expected, actual });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function issue(path: (string | number)[], code: string, message: LocalizedText): ScoringIssue {
  return { path, code, message };
}

const bundleMessages = {
  notABundle: {
    vi: 'Tệp không phải hồ sơ kết quả (award bundle): cần một đối tượng JSON.',
    en: 'Not an award bundle: a JSON object is expected.',
  },
  version: {
    vi: 'Phiên bản hồ sơ (bundleVersion) không được hỗ trợ; cần 1 hoặc 2.',
    en: 'Unsupported bundleVersion; 1 or 2 is expected.',
  },
  missing: (field: string) => ({
    vi: `Hồ sơ kết quả thiếu hoặc sai trường "${field}".`,
    en: `The award bundle's "${field}" is missing or malformed.`,
  }),
};

// The library compiles against ES2022 only (no DOM, no Node types): TextEncoder is declared here.
interface Utf8Encoder {
  encode(text: string): Uint8Array;
}

function utf8(text: string): Uint8Array {
  const Encoder = (globalThis as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
  if (!Encoder) throw new Error('TextEncoder is not available in this environment');
  return new Encoder().encode(text);
}
