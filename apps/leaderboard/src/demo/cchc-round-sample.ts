import { thuyThanhCchc2022, type Criterion, type RuleSet, type RuleSetInput } from '@thidua/scoring';
import type { Round } from '../process/phases.js';
import type { DemoCampaign } from './demo-campaign.js';

/**
 * A SYNTHETIC index round to try (issue 15): ten made-up communes on Thủy Thanh's criteria tree,
 * in the self-assessment phase from the first start, with demo accounts for two unit officers and
 * an appraiser (the first-start message lists them). Labelled sample data (dữ liệu minh họa) on every
 * page. The tree and its citations are the document's; the round adds to each criterion the
 * unit's self-assessed points and the appraisal's comment, which the scorecard shows side by side.
 */

const units = [
  'Xã An Bình',
  'Xã Bình Minh',
  'Xã Cẩm Thành',
  'Xã Đông Hải',
  'Xã Gia Phú',
  'Xã Hòa Lạc',
  'Xã Kim Sơn',
  'Phường Long Thủy',
  'Xã Mỹ Lộc',
  'Phường Ngọc Hà',
];

/** The round's rule set: each entered criterion also names its self-assessed points and a comment. */
function withSelfAssessment(base: RuleSet): RuleSet {
  const inputs: RuleSetInput[] = [...base.inputs];
  const known = new Set(inputs.map((i) => i.id));
  const leaf = (c: Criterion): Criterion => {
    if (c.children) return { ...c, children: c.children.map(leaf) };
    if (c.score?.kind !== 'entered') return c;
    const input = c.score.input;
    const entered = base.inputs.find((i) => i.id === input);
    const selfId = `self_${c.score.input}`;
    const commentId = c.score.commentInput ?? `note_${c.score.input}`;
    if (!known.has(selfId)) {
      known.add(selfId);
      inputs.push({
        id: selfId,
        label: { vi: `${c.number ?? c.id} — điểm tự đánh giá`, en: `${c.number ?? c.id} — self-assessed points` },
        kind: 'points',
        optional: true,
        ...(entered?.kind === 'points' && entered.notApplicable ? { notApplicable: true } : {}),
      });
    }
    if (!known.has(commentId)) {
      known.add(commentId);
      inputs.push({ id: commentId, label: { vi: `${c.number ?? c.id} — nhận xét thẩm định`, en: `${c.number ?? c.id} — the appraisal's comment` }, kind: 'text' });
    }
    return { ...c, score: { ...c.score, selfInput: selfId, commentInput: commentId } };
  };
  if (!base.score?.criteria) throw new Error('the sample round needs a criteria tree');
  // The sample's units have no document: its sub-totals are the sums.
  const { statedSubtotals: _stated, ...score } = base.score;
  const criteria = base.score.criteria;
  return {
    ...base,
    id: 'cchc-xa-2023-mau',
    title: { vi: 'Chỉ số cải cách hành chính cấp xã năm 2023 — vòng chấm điểm', en: 'Commune administrative reform index 2023 — the scoring round' },
    authority: { vi: 'UBND thị xã (minh họa) — thẩm định: Phòng Nội vụ', en: 'Town People\u2019s Committee (sample) — appraised by the Home Affairs office' },
    period: { ...base.period, start: '2023-01-01', end: '2023-12-31' },
    inputs,
    score: { ...score, criteria: leaf(criteria) },
  };
}

const day = 86_400_000;
/** Vietnam time, to the minute, written with its offset. */
const vn = (t: number) => `${new Date(t + 7 * 3_600_000).toISOString().slice(0, 16)}:00+07:00`;

/** Phases from the first start: self-assessment open now for 30 days, then appraisal, explanation, its review, final. */
export function sampleRound(now: Date): Round {
  const start = Math.floor(now.getTime() / 60_000) * 60_000 - day;
  const at = (days: number) => vn(start + days * day);
  return {
    phases: [
      { id: 'self_assessment', opensAt: at(0), closesAt: at(31) },
      { id: 'appraisal', opensAt: at(31), closesAt: at(46) },
      { id: 'explanation', opensAt: at(46), closesAt: at(53) },
      { id: 'explanation_review', opensAt: at(53), closesAt: at(60) },
      { id: 'final', opensAt: at(60), closesAt: null },
    ],
    publishEvidence: false,
    // Group I is self-assessed ("Nhóm tiêu chí tự đánh giá"); group II is the survey, appraised only.
    selfAssessed: ['I'],
  };
}

export const sampleRoundId = 'cchc-xa-2023-mau';

export function cchcRoundSample(): DemoCampaign {
  const ruleSet = withSelfAssessment(thuyThanhCchc2022);
  return {
    id: sampleRoundId,
    ruleSet,
    roster: units.map((name, i) => ({ id: `xa-${String(i + 1).padStart(2, '0')}`, name, group: 'communes' })),
    sample: true,
    snapshots: [],
    round: sampleRound,
    accounts: [
      { username: 'canbo.xa01', displayName: 'Cán bộ đầu mối Xã An Bình (minh họa)', grants: [{ role: 'officer', campaignId: sampleRoundId, unitId: 'xa-01' }] },
      { username: 'canbo.xa02', displayName: 'Cán bộ đầu mối Xã Bình Minh (minh họa)', grants: [{ role: 'officer', campaignId: sampleRoundId, unitId: 'xa-02' }] },
      { username: 'thamdinh', displayName: 'Thành viên Tổ giúp việc (minh họa)', grants: [{ role: 'appraiser', campaignId: sampleRoundId }] },
    ],
  };
}
