/**
 * The round's phases as data (issue 15): each action is refused outside its phase with the phase's
 * name and dates in Vietnam time, in both languages; a round's phases must come in order; the
 * administrator's extension must close later and not run into the next phase.
 */
import { describe, expect, it } from 'vitest';
import { actionPhase, checkPhase, extendPhase, openPhase, roundSchema, type Round, type RoundAction } from '../src/process/phases.js';

const round: Round = roundSchema.parse({
  phases: [
    { id: 'self_assessment', opensAt: '2024-03-01T08:00:00+07:00', closesAt: '2024-03-15T17:00:00+07:00' },
    { id: 'appraisal', opensAt: '2024-03-18T08:00:00+07:00', closesAt: '2024-04-05T17:00:00+07:00' },
    { id: 'explanation', opensAt: '2024-04-08T08:00:00+07:00', closesAt: '2024-04-12T17:00:00+07:00' },
    { id: 'explanation_review', opensAt: '2024-04-15T08:00:00+07:00', closesAt: '2024-04-19T17:00:00+07:00' },
    { id: 'final', opensAt: '2024-04-22T08:00:00+07:00', closesAt: null },
  ],
  publishEvidence: false,
});

const at = (iso: string) => new Date(iso);

describe('what may be done when', () => {
  it('names the phase open at each moment, and none in the gaps', () => {
    expect(openPhase(round, at('2024-02-29T12:00:00+07:00'))).toBeNull();
    expect(openPhase(round, at('2024-03-01T08:00:00+07:00'))).toBe('self_assessment');
    expect(openPhase(round, at('2024-03-15T16:59:59+07:00'))).toBe('self_assessment');
    expect(openPhase(round, at('2024-03-15T17:00:00+07:00'))).toBeNull();
    expect(openPhase(round, at('2024-03-20T10:00:00+07:00'))).toBe('appraisal');
    expect(openPhase(round, at('2024-04-10T10:00:00+07:00'))).toBe('explanation');
    expect(openPhase(round, at('2024-04-16T10:00:00+07:00'))).toBe('explanation_review');
    expect(openPhase(round, at('2025-01-01T00:00:00+07:00'))).toBe('final');
  });

  const refusals: [RoundAction, string, string, string][] = [
    [
      'submit_self_assessment',
      '2024-03-15T17:00:00+07:00',
      'Chỉ làm được trong giai đoạn tự đánh giá, chấm điểm (mở lúc 08:00 ngày 01/03/2024, đóng lúc 17:00 ngày 15/03/2024): giai đoạn này đã đóng.',
      'Only in the self-assessment phase (opens at 08:00 on 01/03/2024, closes at 17:00 on 15/03/2024): it has closed.',
    ],
    ['attach_evidence', '2024-02-20T09:00:00+07:00', 'Chỉ làm được trong giai đoạn tự đánh giá, chấm điểm (mở lúc 08:00 ngày 01/03/2024, đóng lúc 17:00 ngày 15/03/2024): giai đoạn này chưa mở.', ''],
    ['appraise', '2024-03-10T09:00:00+07:00', 'Chỉ làm được trong giai đoạn thẩm định (mở lúc 08:00 ngày 18/03/2024, đóng lúc 17:00 ngày 05/04/2024): giai đoạn này chưa mở.', ''],
    ['agree_with_self_assessment', '2024-04-06T09:00:00+07:00', 'Chỉ làm được trong giai đoạn thẩm định (mở lúc 08:00 ngày 18/03/2024, đóng lúc 17:00 ngày 05/04/2024): giai đoạn này đã đóng.', ''],
    ['file_explanation', '2024-04-13T09:00:00+07:00', 'Chỉ làm được trong giai đoạn giải trình (mở lúc 08:00 ngày 08/04/2024, đóng lúc 17:00 ngày 12/04/2024): giai đoạn này đã đóng.', ''],
    ['answer_explanation', '2024-04-10T09:00:00+07:00', 'Chỉ làm được trong giai đoạn xem xét giải trình (mở lúc 08:00 ngày 15/04/2024, đóng lúc 17:00 ngày 19/04/2024): giai đoạn này chưa mở.', ''],
    ['finalise_round', '2024-04-19T09:00:00+07:00', 'Chỉ làm được trong giai đoạn công bố kết quả (mở lúc 08:00 ngày 22/04/2024): giai đoạn này chưa mở.', ''],
  ];

  it.each(refusals)('%s at %s is refused with the phase and its dates', (action, when, vi, en) => {
    const refusal = checkPhase(round, action, at(when));
    expect(refusal?.code).toBe('outside_phase');
    expect(refusal?.phase).toBe(actionPhase[action]);
    expect(refusal?.message.vi).toBe(vi);
    if (en) expect(refusal?.message.en).toBe(en);
  });

  it('allows every action inside its phase', () => {
    const inside: Record<string, string> = {
      self_assessment: '2024-03-05T09:00:00+07:00',
      appraisal: '2024-03-25T09:00:00+07:00',
      explanation: '2024-04-09T09:00:00+07:00',
      explanation_review: '2024-04-16T09:00:00+07:00',
      final: '2024-05-01T09:00:00+07:00',
    };
    for (const [action, phase] of Object.entries(actionPhase)) expect(checkPhase(round, action as RoundAction, at(inside[phase] as string)), action).toBeNull();
  });
});

describe('a round as data', () => {
  it('refuses phases out of order, overlapping, or closing before they open', () => {
    const phases = round.phases.map((p) => ({ ...p }));
    expect(roundSchema.safeParse({ ...round, phases: [phases[1], phases[0], ...phases.slice(2)] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, phases: [{ ...phases[0]!, closesAt: '2024-03-20T00:00:00+07:00' }, ...phases.slice(1)] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, phases: [{ ...phases[0]!, closesAt: '2024-02-01T00:00:00+07:00' }, ...phases.slice(1)] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, phases: [...phases.slice(0, 4), { ...phases[4]!, closesAt: '2024-05-01T00:00:00+07:00' }] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, phases: [{ ...phases[0]!, opensAt: '01/03/2024' }, ...phases.slice(1)] }).success).toBe(false);
  });

  it('extends a phase to a later close, not into the next phase, and not backwards', () => {
    const extended = extendPhase(round, 'self_assessment', '2024-03-17T17:00:00+07:00');
    expect('round' in extended && extended.round.phases[0]?.closesAt).toBe('2024-03-17T17:00:00+07:00');
    if ('round' in extended) expect(checkPhase(extended.round, 'submit_self_assessment', at('2024-03-16T09:00:00+07:00'))).toBeNull();
    expect(extendPhase(round, 'self_assessment', '2024-03-14T17:00:00+07:00')).toEqual({
      refused: { vi: 'Hạn mới phải muộn hơn hạn hiện tại (lúc 17:00 ngày 15/03/2024)', en: 'The new closing must be later than the present one (at 17:00 on 15/03/2024)' },
    });
    const into = extendPhase(round, 'self_assessment', '2024-03-19T17:00:00+07:00');
    expect('refused' in into && into.refused.vi).toBe('Hạn mới chồng lên giai đoạn thẩm định (mở lúc 08:00 ngày 18/03/2024): dời giai đoạn đó trước');
    expect('refused' in extendPhase(round, 'final', '2030-01-01T00:00:00+07:00')).toBe(true);
  });
});
