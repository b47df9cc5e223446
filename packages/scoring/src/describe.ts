import { compile, type CompiledCondition, type CompiledTie } from './model/program.js';
import { z } from 'zod';
import { publishedFigures, publishedFigureSchema } from './published-figures.js';
import { conditionText } from './rules/conditions.js';
import { citationSchema, localizedTextSchema, type LocalizedText } from './schema/common.js';
import type { RuleSet } from './schema/rule-set.js';
import { checkedRuleSet, resolvePolicies } from './evaluate.js';

/** A condition of the rule set in words, with its citation. */
export const conditionDigestSchema = z
  .object({ code: z.string(), text: localizedTextSchema, citation: citationSchema.nullable() })
  .meta({ id: 'ConditionDigest' });

/**
 * A rule set as a page or a report presents it, in words: what is published per unit, who may be
 * ranked and on what conditions, how ties are broken, the prizes, classes and targets. Every view
 * (the leaderboard, the command line) reads the rules from here rather than from code of its own.
 */
export const ruleSetDigestSchema = z
  .object({
    ruleSetId: z.string(),
    /** The rule set gives each unit a score (and so a rank); otherwise it states targets only. */
    scored: z.boolean(),
    /**
     * How its officials read it, and so how a page draws it: \`targets\` met or not (no score); an
     * \`index\` with classes (766, DTI); a \`scorecard\` of entered points criterion by criterion (the
     * CCHC index); a \`ranking\` by a score from counts, with prizes (Núi Thành).
     */
    shape: z.enum(['ranking', 'targets', 'index', 'scorecard']),
    figures: z.array(publishedFigureSchema),
    /** The unit's inputs as its statistics sheet names them. */
    inputs: z.array(z.object({ id: z.string(), kind: z.enum(['count', 'points', 'text']), label: localizedTextSchema, short: localizedTextSchema })),
    groups: z.array(
      z.object({
        id: z.string(),
        name: localizedTextSchema,
        shortName: localizedTextSchema,
        conditions: z.array(conditionDigestSchema),
        prizes: z.array(
          z.object({ id: z.string(), label: localizedTextSchema, count: z.number().int(), amountVnd: z.number().int(), conditions: z.array(conditionDigestSchema) }),
        ),
        /** Every prize slot's amount, in đồng. */
        budget: z.number().int(),
      }),
    ),
    /** After the score, in order: e.g. "Tỷ lệ trực tuyến cao hơn" / "higher Online share". */
    /** `name`: the figure compared ("Tỷ lệ trực tuyến"); `unit`: what it is written with ("%" for a percent metric). */
    ties: z.array(z.object({ text: localizedTextSchema, name: localizedTextSchema, unit: z.string() })),
    tiesCitation: citationSchema.nullable(),
    classes: z.array(z.object({ id: z.string(), label: localizedTextSchema, min: z.string() })),
    classesCitation: citationSchema.nullable(),
    /** Criteria the units are ranked by as well, beside the rank by score (ranking.alsoBy). */
    alsoRankedBy: z.array(z.object({ criterion: z.string(), number: z.string().nullable(), label: localizedTextSchema, max: z.string(), citation: citationSchema })),
    targets: z.array(
      z.object({
        id: z.string(),
        label: localizedTextSchema,
        text: localizedTextSchema,
        /** The metric compared (its figure is in a unit's \`metrics\` where the rule set shows it) and its unit ("%"). */
        metric: z.string(),
        unit: z.string(),
        move: localizedTextSchema.nullable(),
        citation: citationSchema,
      }),
    ),
    /** What one move is, for "cases still needed" (the first is the default). */
    moves: z.array(z.object({ id: z.string(), label: localizedTextSchema })),
  })
  .meta({ id: 'RuleSetDigest' });

export type ConditionDigest = z.infer<typeof conditionDigestSchema>;
export type RuleSetDigest = z.infer<typeof ruleSetDigestSchema>;

const digestOf = (c: CompiledCondition): ConditionDigest => ({ code: c.code, text: conditionText(c), citation: c.citation });

type CriterionNode = NonNullable<RuleSet['score']>['criteria'];

/** No score: targets; classes: an index; points entered criterion by criterion: a scorecard; else a ranking. */
function shapeOf(rules: RuleSet): RuleSetDigest['shape'] {
  if (!rules.score) return 'targets';
  if (rules.classes) return 'index';
  const entered = (c: CriterionNode): boolean => c.score?.kind === 'entered' || (c.children ?? []).some(entered);
  return entered(rules.score.criteria) ? 'scorecard' : 'ranking';
}

function findCriterion(rules: RuleSet, id: string): CriterionNode | null {
  const find = (c: CriterionNode): CriterionNode | null => (c.id === id ? c : ((c.children ?? []).map(find).find((x) => x !== null) ?? null));
  return rules.score ? find(rules.score.criteria) : null;
}

/** The figure a tie rule compares: the metric's short name, or "điểm {criterion}". */
function tieName(t: CompiledTie, rules: RuleSet): LocalizedText {
  if (t.metric) return t.metric.short;
  const label = findCriterion(rules, t.criterion ?? '')?.label ?? { vi: t.criterion ?? '', en: t.criterion ?? '' };
  return { vi: `điểm ${label.vi}`, en: `points for ${label.en}` };
}

function tieText(t: CompiledTie, rules: RuleSet): LocalizedText {
  const higher = t.order === 'desc';
  if (t.metric) {
    return higher ? { vi: `${t.metric.short.vi} cao hơn`, en: `higher ${t.metric.short.en}` } : { vi: `${t.metric.short.vi} thấp hơn`, en: `lower ${t.metric.short.en}` };
  }
  const name = tieName(t, rules);
  return higher ? { vi: `${name.vi} cao hơn`, en: `more ${name.en}` } : { vi: `${name.vi} thấp hơn`, en: `fewer ${name.en}` };
}

/** The rule set in words (see RuleSetDigest). Throws ScoringInputError on an invalid rule set. */
export function describeRuleSet(ruleSet: RuleSet): RuleSetDigest {
  const rules = checkedRuleSet(ruleSet);
  const program = compile(rules, resolvePolicies(rules, {}));
  return {
    ruleSetId: rules.id,
    scored: rules.score !== undefined,
    shape: shapeOf(rules),
    figures: publishedFigures(rules),
    inputs: program.inputs.map((i) => ({ id: i.id, kind: i.kind, label: i.label, short: i.short })),
    groups: rules.groups.map((g) => {
      const compiled = program.groups.get(g.id);
      const prizes = (compiled?.prizes ?? []).map(({ prize, conditions }) => ({
        id: prize.id,
        label: prize.label,
        count: prize.count,
        amountVnd: prize.amountVnd,
        conditions: conditions.map(digestOf),
      }));
      return {
        id: g.id,
        name: g.name,
        shortName: g.shortName,
        conditions: (compiled?.eligibility ?? []).map(digestOf),
        prizes,
        budget: prizes.reduce((sum, p) => sum + p.count * p.amountVnd, 0),
      };
    }),
    ties: program.ties.map((t) => ({ text: tieText(t, rules), name: tieName(t, rules), unit: t.metric?.unit ?? '' })),
    tiesCitation: rules.ranking?.citation ?? null,
    classes: (rules.classes?.levels ?? []).map((l) => ({ id: l.id, label: l.label, min: l.min })),
    classesCitation: rules.classes?.citation ?? null,
    alsoRankedBy: (rules.ranking?.alsoBy ?? []).map((b) => {
      const c = findCriterion(rules, b.criterion);
      return { criterion: b.criterion, number: c?.number ?? null, label: c?.label ?? { vi: b.criterion, en: b.criterion }, max: c?.max ?? '', citation: b.citation };
    }),
    targets: program.targets.map((t) => {
      const target = (rules.targets ?? []).find((x) => x.id === t.id);
      return {
        id: t.id,
        label: target?.label ?? { vi: t.id, en: t.id },
        text: conditionText(t.condition),
        metric: t.condition.metric.id,
        unit: t.condition.metric.unit,
        move: t.move?.label ?? null,
        citation: target?.citation ?? t.condition.citation ?? { section: '', text: '' },
      };
    }),
    moves: program.moves.map((m) => ({ id: m.id, label: m.label })),
  };
}
