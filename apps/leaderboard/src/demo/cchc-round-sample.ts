import { thuyThanhCchc2022 } from '@thidua/scoring';
import { withSelfAssessment } from '../process/round-rule-set.js';
import type { Round } from '../process/phases.js';
import { defaultPhases } from '../process/default-phases.js';
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

export function sampleRound(now: Date): Round {
  return {
    phases: defaultPhases(now),
    publishEvidence: false,
    // Group I is self-assessed ("Nhóm tiêu chí tự đánh giá"); group II is the survey, appraised only.
    selfAssessed: ['I'],
  };
}

export const sampleRoundId = 'cchc-xa-2023-mau';

export function cchcRoundSample(): DemoCampaign {
  const base = thuyThanhCchc2022;
  if (!base.score) throw new Error('Thủy Thanh has a criteria tree');
  // The sample's units have no document: its sub-totals are the sums.
  const { statedSubtotals: _stated, ...score } = base.score;
  const ruleSet = withSelfAssessment({
    ...base,
    id: sampleRoundId,
    title: { vi: 'Chỉ số cải cách hành chính cấp xã năm 2023 — vòng chấm điểm', en: 'Commune administrative reform index 2023 — the scoring round' },
    authority: { vi: 'UBND thị xã (minh họa) — thẩm định: Phòng Nội vụ', en: 'Town People\u2019s Committee (sample) — appraised by the Home Affairs office' },
    period: { ...base.period, start: '2023-01-01', end: '2023-12-31' },
    // The sample's communes are no town's: the group keeps the document's ranking sentence, not its name.
    groups: base.groups.map((g) => ({ ...g, name: { vi: 'Các xã, phường (minh họa)', en: 'Communes and wards (sample)' } })),
    score,
  });
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
