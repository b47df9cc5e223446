import { z } from 'zod';
import type { LocalizedText } from '@thidua/scoring';
import { formatMoment } from '../web/format.js';

/**
 * The round of an index as offices run it (issue 15; docs/decisions/0020-index-round-phases-and-roles.md):
 * self-assessment with evidence, appraisal, explanation, review of explanations, final — each phase
 * with its opening and closing moment, in Vietnam time, as data on the campaign. An action outside
 * its phase is refused with the phase's dates; the administrator may extend a phase (audited).
 */

export const phaseIds = ['self_assessment', 'appraisal', 'explanation', 'explanation_review', 'final'] as const;
export type PhaseId = (typeof phaseIds)[number];

/** A moment written with its offset, e.g. "2024-03-01T08:00:00+07:00" (Vietnam time). */
const momentSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'an ISO moment with its offset, e.g. 2024-03-01T08:00:00+07:00',
});

export const roundSchema = z
  .object({
    /** In order; each opens when (or after) the one before closes. "final" has no closing. */
    phases: z.array(z.object({ id: z.enum(phaseIds), opensAt: momentSchema, closesAt: momentSchema.nullable() }).strict()).length(phaseIds.length),
    /** Whether the public scorecards, once final, link the evidence files too (default: not). */
    publishEvidence: z.boolean(),
    /**
     * The criteria (with everything under them) the units assess themselves; absent: every
     * criterion. Others are appraised only (a survey's points, e.g. Thủy Thanh's group II).
     */
    selfAssessed: z.array(z.string().min(1).max(64)).min(1).optional(),
    /** Self-assessed criteria that need no evidence file; every other one needs one (tài liệu kiểm chứng). */
    evidenceOptional: z.array(z.string().min(1).max(64)).optional(),
  })
  .strict()
  .superRefine((round, ctx) => {
    round.phases.forEach((p, i) => {
      if (p.id !== phaseIds[i]) ctx.addIssue({ code: 'custom', path: ['phases', i, 'id'], message: `phase ${i + 1} must be ${phaseIds[i]}` });
      if (p.closesAt !== null && Date.parse(p.closesAt) <= Date.parse(p.opensAt)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'closesAt'], message: 'closes after it opens' });
      if ((p.id === 'final') !== (p.closesAt === null)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'closesAt'], message: 'only the final phase stays open' });
      const before = round.phases[i - 1];
      if (before?.closesAt && Date.parse(p.opensAt) < Date.parse(before.closesAt)) {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'opensAt'], message: `opens after ${before.id} closes` });
      }
    });
  });

export type Round = z.infer<typeof roundSchema>;

/** What people do in a round, each in the one phase it belongs to. */
export const actionPhase = {
  save_self_assessment: 'self_assessment',
  attach_evidence: 'self_assessment',
  attach_explanation_evidence: 'explanation',
  submit_self_assessment: 'self_assessment',
  withdraw_self_assessment: 'self_assessment',
  appraise: 'appraisal',
  agree_with_self_assessment: 'appraisal',
  confirm_appraisal: 'final',
  file_explanation: 'explanation',
  answer_explanation: 'explanation_review',
  finalise_round: 'final',
} as const satisfies Record<string, PhaseId>;

export type RoundAction = keyof typeof actionPhase;

export const phaseNames: Record<PhaseId, LocalizedText> = {
  self_assessment: { vi: 'tự đánh giá, chấm điểm', en: 'self-assessment' },
  appraisal: { vi: 'thẩm định', en: 'appraisal' },
  explanation: { vi: 'giải trình', en: 'explanation' },
  explanation_review: { vi: 'xem xét giải trình', en: 'review of explanations' },
  final: { vi: 'công bố kết quả', en: 'final results' },
};

/** Whether the phase is open at `t` (ms): from its opening, until (not at) its closing. */
const isOpen = (phase: Round['phases'][number], t: number) => Date.parse(phase.opensAt) <= t && (phase.closesAt === null || t < Date.parse(phase.closesAt));

/** The phase open at `now`, or null between phases (before the first, or in a gap). */
export function openPhase(round: Round, now: Date): PhaseId | null {
  return round.phases.find((p) => isOpen(p, now.getTime()))?.id ?? null;
}

export type PhaseRefusal = { code: 'outside_phase'; phase: PhaseId; message: LocalizedText };

/**
 * Null when `action` may be done at `now`; otherwise the refusal, naming the phase and its dates:
 * "Chỉ làm được trong giai đoạn tự đánh giá, chấm điểm (mở lúc 08:00 ngày 01/03/2024, đóng lúc 17:00
 * ngày 15/03/2024): giai đoạn này đã đóng."
 */
export function checkPhase(round: Round, action: RoundAction, now: Date): PhaseRefusal | null {
  const id = actionPhase[action];
  const phase = round.phases.find((p) => p.id === id);
  if (!phase) return null;
  const t = now.getTime();
  if (isOpen(phase, t)) return null;
  const opens = (lang: 'vi' | 'en') => `${lang === 'vi' ? 'mở' : 'opens'} ${formatMoment(phase.opensAt, lang)}`;
  const closes = (lang: 'vi' | 'en') => (phase.closesAt === null ? '' : `, ${lang === 'vi' ? 'đóng' : 'closes'} ${formatMoment(phase.closesAt, lang)}`);
  const early = t < Date.parse(phase.opensAt);
  return {
    code: 'outside_phase',
    phase: id,
    message: {
      vi: `Chỉ làm được trong giai đoạn ${phaseNames[id].vi} (${opens('vi')}${closes('vi')}): giai đoạn này ${early ? 'chưa mở' : 'đã đóng'}.`,
      en: `Only in the ${phaseNames[id].en} phase (${opens('en')}${closes('en')}): it ${early ? 'is not open yet' : 'has closed'}.`,
    },
  };
}

/**
 * The round with one phase closing later (the administrator's extension; the caller audits it, from
 * what to what). Refused when the new close is not later, or would run into the next phase.
 */
export function extendPhase(round: Round, id: PhaseId, closesAt: string): { round: Round } | { refused: LocalizedText } {
  const i = round.phases.findIndex((p) => p.id === id);
  const phase = round.phases[i];
  if (!phase || phase.closesAt === null) return { refused: { vi: 'Giai đoạn này không có hạn để gia hạn', en: 'This phase has no closing to extend' } };
  if (!momentSchema.safeParse(closesAt).success || Date.parse(closesAt) <= Date.parse(phase.closesAt)) {
    return {
      refused: {
        vi: `Hạn mới phải muộn hơn hạn hiện tại (${formatMoment(phase.closesAt, 'vi')})`,
        en: `The new closing must be later than the present one (${formatMoment(phase.closesAt, 'en')})`,
      },
    };
  }
  const next = round.phases[i + 1];
  if (next && Date.parse(closesAt) > Date.parse(next.opensAt)) {
    return {
      refused: {
        vi: `Hạn mới chồng lên giai đoạn ${phaseNames[next.id].vi} (mở ${formatMoment(next.opensAt, 'vi')}): dời giai đoạn đó trước`,
        en: `The new closing runs into the ${phaseNames[next.id].en} phase (opening ${formatMoment(next.opensAt, 'en')}): move that first`,
      },
    };
  }
  return { round: { ...round, phases: round.phases.map((p) => (p.id === id ? { ...p, closesAt } : p)) } };
}
