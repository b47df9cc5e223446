import type { Criterion, RuleSet, RuleSetInput } from '@thidua/scoring';

/**
 * The rule set a round publishes through (ADR 0020): each criterion scored by entered points also
 * names the unit's self-assessed points (`selfInput`) and the appraisal's comment (`commentInput`),
 * so that the final scorecard shows them side by side ("tự đánh giá … / thẩm định …"). Inputs the
 * rule set already names are kept; the new ones are `self_<input>` (optional, "x" where the
 * criterion may not arise) and `note_<input>`. Nothing else changes: the same criteria, maxima and
 * citations. A rule set that names them all comes back as it was.
 */
export function withSelfAssessment(base: RuleSet): RuleSet {
  const root = base.score?.criteria;
  if (!base.score || !root) return base;
  const inputs: RuleSetInput[] = [...base.inputs];
  const known = new Set(inputs.map((i) => i.id));
  let changed = false;
  const add = (input: RuleSetInput) => {
    if (known.has(input.id)) return;
    known.add(input.id);
    inputs.push(input);
  };
  const leaf = (c: Criterion): Criterion => {
    if (c.children) return { ...c, children: c.children.map(leaf) };
    if (c.score?.kind !== 'entered' || (c.score.selfInput !== undefined && c.score.commentInput !== undefined)) return c;
    const input = c.score.input;
    const entered = base.inputs.find((i) => i.id === input);
    const name = c.number ?? c.id;
    const selfInput = c.score.selfInput ?? `self_${input}`;
    const commentInput = c.score.commentInput ?? `note_${input}`;
    add({
      id: selfInput,
      label: { vi: `${name} — điểm tự đánh giá`, en: `${name} — self-assessed points` },
      kind: 'points',
      optional: true,
      ...(entered?.kind === 'points' && entered.notApplicable ? { notApplicable: true } : {}),
    });
    add({ id: commentInput, label: { vi: `${name} — nhận xét thẩm định`, en: `${name} — the appraisal's comment` }, kind: 'text' });
    changed = true;
    return { ...c, score: { ...c.score, selfInput, commentInput } };
  };
  const criteria = leaf(root);
  return changed ? { ...base, inputs, score: { ...base.score, criteria } } : base;
}
