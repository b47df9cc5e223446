import { z } from 'zod';
import type { RuleSetDigest } from './describe.js';
import { citationSchema, localizedTextSchema, type Citation, type LocalizedText } from './schema/common.js';
import type { GroupResult, UnitResult } from './schema/evaluation.js';

/**
 * Where a unit stands, in words: its rank among the units ranked in its group, its class and the
 * score that gives it, and — where it shares its published score with others — the tie rule and the
 * figures that put them in order, or that they share. Read from an evaluation and the rule set's
 * digest: nothing is computed again. The command line's `--explain` and the unit page say it.
 */
export const standingSchema = z
  .object({
    groupId: z.string(),
    rank: z.number().int().nullable(),
    /** How many units of the group are ranked. */
    ranked: z.number().int(),
    class: z.object({ id: z.string(), label: localizedTextSchema, min: z.string() }).nullable(),
    /** The run of units with the unit's published score, in rank order; null when it has it alone. */
    tie: z
      .object({
        unitIds: z.array(z.string()),
        /** True when no tie rule set them apart: they share a rank. */
        shared: z.boolean(),
        decidedBy: z.array(z.number().int()),
      })
      .nullable(),
    /** The standing in sentences, each in Vietnamese and English, with the rule set's sentence behind it. */
    lines: z.array(z.object({ text: localizedTextSchema, citation: citationSchema.nullable() })),
  })
  .meta({ id: 'Standing' });

export type Standing = z.infer<typeof standingSchema>;

/** A decimal as each language writes it: "1.168,5" / "1,168.5". */
function local(decimal: string, lang: 'vi' | 'en'): string {
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return fraction === undefined ? grouped : `${grouped}${lang === 'vi' ? ',' : '.'}${fraction}`;
}

const both = (make: (lang: 'vi' | 'en') => string): LocalizedText => ({ vi: make('vi'), en: make('en') });

/** A tie run of an evaluation's group (`GroupResult['ties']`). */
export type TieRun = GroupResult['ties'][number];

/** What a unit's standing reads beyond its own result: how many of its group are ranked, and its tie run. */
export interface StandingContext {
  readonly ranked: number;
  readonly tie: TieRun | null;
}

/** The context of a unit in an evaluation's group. */
export function standingContext(group: GroupResult, unitId: string): StandingContext {
  return { ranked: group.ranking.length, tie: group.ties.find((t) => t.unitIds.includes(unitId)) ?? null };
}

export function standingOf(unit: UnitResult, context: StandingContext, digest: RuleSetDigest, nameOf: (unitId: string) => string): Standing {
  const groupName = digest.groups.find((g) => g.id === unit.groupId)?.shortName ?? { vi: unit.groupId, en: unit.groupId };
  const ranked = context.ranked;
  const lines: { text: LocalizedText; citation: Citation | null }[] = [];
  const say = (text: LocalizedText, citation: Citation | null) => lines.push({ text, citation });

  if (digest.scored) {
    if (unit.rank !== null) {
      say({ vi: `Hạng ${unit.rank}/${ranked} — ${groupName.vi}.`, en: `Rank ${unit.rank} of ${ranked} — ${groupName.en}.` }, digest.tiesCitation);
    } else {
      const why = (unit.reasons ?? []).map((r) => r.message);
      say(
        {
          vi: `Không được xếp hạng (${groupName.vi})${why.length ? `: ${why.map((r) => r.vi).join('; ')}` : ''}.`,
          en: `Not ranked (${groupName.en})${why.length ? `: ${why.map((r) => r.en).join('; ')}` : ''}.`,
        },
        null,
      );
    }
  }

  for (const by of digest.alsoRankedBy) {
    const rank = unit.criterionRanks?.[by.criterion];
    if (rank === undefined) continue;
    const points = unit.metrics[by.criterion];
    const name = both((lang) => `${by.number ? `${by.number}. ` : ''}${by.label[lang]}`);
    say(
      both((lang) => {
        const of = points ? (lang === 'vi' ? ` với ${local(points, 'vi')}/${local(by.max, 'vi')} điểm` : ` with ${local(points, 'en')} of ${local(by.max, 'en')}`) : '';
        return lang === 'vi' ? `Theo ${name.vi}: hạng ${rank}/${ranked}${of}.` : `By ${name.en}: rank ${rank} of ${ranked}${of}.`;
      }),
      by.citation,
    );
  }

  const level = unit.class ? (digest.classes.find((c) => c.id === unit.class) ?? null) : null;
  if (level) {
    say({ vi: `Xếp loại: ${level.label.vi} (từ ${local(level.min, 'vi')} điểm).`, en: `Class: ${level.label.en} (from ${local(level.min, 'en')} points).` }, digest.classesCitation);
  }

  const run = unit.rank === null ? null : context.tie;
  let tie: Standing['tie'] = null;
  if (run && unit.score !== null) {
    const score = unit.score;
    const others = run.unitIds.filter((id) => id !== unit.unitId).map(nameOf);
    const figure = (id: string, rule: number, lang: 'vi' | 'en') => {
      const value = run.figures?.[run.decidedBy.length === 0 ? 0 : run.unitIds.indexOf(id)]?.[rule];
      return value === null || value === undefined ? '—' : `${local(value, lang)}${digest.ties[rule]?.unit ?? ''}`;
    };
    if (run.decidedBy.length === 0) {
      // Equal on the score and on every tie rule there is: a shared rank.
      say(
        both((lang) => {
          const equalToo = digest.ties.map((t, i) => `${t.name[lang]} ${figure(unit.unitId, i, lang)}`);
          const alsoEqual = equalToo.length ? (lang === 'vi' ? `, cùng ${equalToo.join(', ')}` : `, and equal ${equalToo.join(', ')}`) : '';
          return lang === 'vi'
            ? `Đồng hạng ${unit.rank} với ${others.join(', ')}: cùng ${local(score, 'vi')} điểm${alsoEqual}.`
            : `Sharing rank ${unit.rank} with ${others.join(', ')}: equal at ${local(score, 'en')}${alsoEqual}.`;
        }),
        digest.tiesCitation,
      );
    } else {
      say(
        both((lang) => {
          const by = run.decidedBy.map((rule) => {
            const text = digest.ties[rule]?.text[lang] ?? '';
            const order = run.unitIds.map((id) => `${nameOf(id)} ${figure(id, rule, lang)}`).join(', ');
            return `${text} (${order})`;
          });
          return lang === 'vi'
            ? `Bằng ${local(score, 'vi')} điểm với ${others.join(', ')}; thứ tự theo ${by.join('; rồi ')}.`
            : `Equal at ${local(score, 'en')} with ${others.join(', ')}; ordered by ${by.join('; then ')}.`;
        }),
        digest.tiesCitation,
      );
    }
    tie = { unitIds: run.unitIds, shared: run.decidedBy.length === 0, decidedBy: run.decidedBy };
  }

  return { groupId: unit.groupId, rank: unit.rank, ranked, class: level, tie, lines };
}
