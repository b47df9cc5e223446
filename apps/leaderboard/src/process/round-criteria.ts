import type { Criterion, RuleSet } from '@thidua/scoring';
import type { RoundCriterion } from '../contract-round.js';
import type { Round } from './phases.js';

/**
 * The criteria a round scores: every leaf of the campaign's criteria tree whose points are entered,
 * in the document's order, each with its task (the deepest criterion above it that the rule set
 * shows with the unit's figures — "Nhiệm vụ 1" — else the root's child), whether the unit assesses
 * it itself (the round's `selfAssessed`), and whether it needs an evidence file.
 */
export interface RoundCriterionInfo extends RoundCriterion {
  /** The rule set's inputs: the entered (appraised) points, the self-assessed points, the comment. */
  input: string;
  selfInput: string | null;
  commentInput: string | null;
}

export function roundCriteria(ruleSet: RuleSet, round: Round): RoundCriterionInfo[] {
  const root = ruleSet.score?.criteria;
  if (!root) return [];
  const notApplicable = new Set(ruleSet.inputs.filter((i) => i.kind === 'points' && i.notApplicable === true).map((i) => i.id));
  const selfRoots = round.selfAssessed ? new Set(round.selfAssessed) : null;
  const optional = new Set(round.evidenceOptional ?? []);
  const out: RoundCriterionInfo[] = [];
  const walk = (c: Criterion, ancestors: readonly Criterion[]) => {
    if (c.children) {
      for (const child of c.children) walk(child, [...ancestors, c]);
      return;
    }
    if (c.score?.kind !== 'entered') return;
    const line = [...ancestors, c];
    const task = [...line].reverse().find((a) => a.show !== undefined && a !== root) ?? line[1] ?? c;
    const selfAssessed = selfRoots === null || line.some((a) => selfRoots.has(a.id));
    out.push({
      id: c.id,
      number: c.number ?? null,
      label: c.label,
      max: c.max,
      notApplicable: notApplicable.has(c.score.input),
      evidenceRequired: selfAssessed && !line.some((a) => optional.has(a.id)),
      taskId: task.id,
      taskLabel: task.label,
      taskNumber: task.number ?? null,
      selfAssessed,
      input: c.score.input,
      selfInput: c.score.selfInput ?? null,
      commentInput: c.score.commentInput ?? null,
    });
  };
  walk(root, []);
  return out;
}

/**
 * Points as entered, checked against the criterion: at most its maximum, "x" only where it may not
 * arise. Compared exactly, digit by digit (no floating point): both have at most a few decimals.
 */
export function pointsProblem(points: string, criterion: Pick<RoundCriterion, 'max' | 'notApplicable' | 'label'>): { vi: string; en: string } | null {
  if (points === 'x') {
    return criterion.notApplicable ? null : { vi: `Tiêu chí "${criterion.label.vi}" không được ghi "x" (luôn phát sinh)`, en: `"${criterion.label.en}" cannot be "x" (it always arises)` };
  }
  if (compareDecimal(points, criterion.max) > 0) {
    return { vi: `Điểm ${points} vượt điểm tối đa ${criterion.max} của tiêu chí "${criterion.label.vi}"`, en: `${points} points exceed the maximum ${criterion.max} of "${criterion.label.en}"` };
  }
  return null;
}

/** Compares two non-negative decimals written with a point. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const places = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(places, '0'));
  const y = BigInt(bi + bf.padEnd(places, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}
