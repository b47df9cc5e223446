import type { Round } from './phases.js';

const day = 86_400_000;
/** Vietnam time, to the minute, written with its offset. */
const vietnamTime = (t: number) => `${new Date(t + 7 * 3_600_000).toISOString().slice(0, 16)}:00+07:00`;

/**
 * A round's phases to start from (the administrator then sets the real dates): self-assessment
 * open from the day before `now` for a month, then two weeks of appraisal, a week of explanations,
 * a week to review them, and the final phase.
 */
export function defaultPhases(now: Date): Round['phases'] {
  const start = Math.floor(now.getTime() / 60_000) * 60_000 - day;
  const at = (days: number) => vietnamTime(start + days * day);
  return [
    { id: 'self_assessment', opensAt: at(0), closesAt: at(31) },
    { id: 'appraisal', opensAt: at(31), closesAt: at(46) },
    { id: 'explanation', opensAt: at(46), closesAt: at(53) },
    { id: 'explanation_review', opensAt: at(53), closesAt: at(60) },
    { id: 'final', opensAt: at(60), closesAt: null },
  ];
}
