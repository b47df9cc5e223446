import type { RuleSet } from '../schema/rule-set.js';
import { dvcCountInputs, dvcCountMetrics, dvcCountRelations, labels, onTimeOnlineCase, shortLabels, unscoredNoCases } from './dvc-counts.js';

/**
 * Núi Thành district (Quảng Nam), 01/06/2023–31/12/2023: "Kế hoạch phát động đợt thi đua cao điểm
 * nâng cao chất lượng giải quyết thủ tục hành chính qua dịch vụ công trực tuyến toàn trình, một
 * phần". Every figure below is quoted from section III of the plan; where the plan is silent, the
 * interpretation is named in docs/rules.md and docs/decisions/.
 */

const eligibilitySentence =
  'Tỷ lệ hồ sơ thủ tục hành chính giải quyết bằng DVC trực tuyến toàn trình, một phần của các xã, thị trấn tối thiểu đạt 65% so với tổng số hồ sơ thủ tục hành chính đã giải quyết. Tỷ lệ hồ sơ thủ tục hành chính giải quyết bằng DVC trực tuyến toàn trình, một phần của các cơ quan chuyên môn thuộc UBND huyện tối thiểu đạt 70% so với tổng số hồ sơ thủ tục hành chính đã giải quyết và đạt từ 100 hồ sơ thủ tục hành chính trở lên được giải quyết bằng DVC trực tuyến toàn trình, một phần.';

const firstPrizeCondition = { code: 'prize-online-share-below-floor', metric: 'onlineShare', op: '>=', value: '70' } as const;

const firstPrizeFloor = {
  section: 'III.1',
  text: '* Đối với đơn vị đạt giải nhất: Ngoài các tiêu chí trên, tỷ lệ hồ sơ thủ tục hành chính giải quyết bằng DVC trực tuyến toàn trình, một phần tối thiểu đạt 70% so với tổng số hồ sơ thủ tục hành chính đã giải quyết.',
  textEn:
    'For the first-prize unit: besides the criteria above, the share of cases resolved online must be at least 70% of all cases resolved.',
};

const baseCitation = {
  section: 'III.1',
  text: 'Tỷ lệ phần trăm (%) hồ sơ thủ tục hành chính giải quyết bằng DVC trực tuyến toàn trình, một phần đúng hạn, trước hạn trên tổng số hồ sơ thủ tục hành chính đã giải quyết của các cơ quan, đơn vị, địa phương được xếp theo thứ tự từ cao xuống thấp tính theo thang điểm 100.',
  textEn:
    'The percentage of cases resolved online on time or early, out of all cases resolved by the unit, ranked from high to low on a 100-point scale.',
};

const deductionCitation = {
  section: 'III.1',
  text: 'Tỷ lệ hồ sơ thủ tục hành chính trễ hạn sẽ được quy đổi thành điểm trừ: nếu tỷ lệ hồ sơ thủ tục hành chính bị trễ hạn 1% trên tổng số hồ sơ thủ tục hành chính được giải quyết thì trừ 01 điểm; điểm trừ tối đa 05 điểm.',
  textEn:
    'The share of late cases becomes a deduction: 1 point for each 1% of cases resolved late; at most 5 points.',
};

const coefficientCitation = {
  section: 'III.1',
  text: 'Hệ số phát sinh hồ sơ để tính điểm: Dưới 300 hồ sơ: 0,1; Từ 300 đến dưới 600 hồ sơ: 0,2; Từ 600 đến dưới 900 hồ sơ: 0,3; Từ 900 đến dưới 1200 hồ sơ: 0,4; Từ 1200 đến dưới 1500 hồ sơ: 0,5; Từ 1500 đến dưới 1800 hồ sơ: 0,6; Từ 1800 đến dưới 2100 hồ sơ: 0,7; Từ 2100 đến dưới 2400 hồ sơ: 0,8; Từ 2400 đến dưới 2700 hồ sơ: 0,9; Từ 2700 hồ sơ trở lên: 1 (theo số hồ sơ trực tuyến đã tiếp nhận và giải quyết).',
  textEn:
    'Volume coefficient by online cases received and resolved: under 300 → 0.1; 300 to under 600 → 0.2; … 2400 to under 2700 → 0.9; 2700 or more → 1.',
};

const combinationCitation = {
  section: 'III.1',
  text: 'Hệ số phát sinh hồ sơ để tính điểm',
  textEn:
    'The plan gives a 100-point score, a deduction and a "coefficient for computing the score" without a formula; the deduction is applied to the 100-point score, then the coefficient (docs/decisions/0002-score-formula.md).',
};

const eligibilityCitation = { section: 'III.1', text: eligibilitySentence };

export const nuiThanh2023: RuleSet = {
  schemaVersion: 2,
  id: 'nui-thanh-2023',
  title: {
    vi: 'Đợt thi đua cao điểm giải quyết TTHC qua DVC trực tuyến toàn trình, một phần — huyện Núi Thành 2023',
    en: 'Núi Thành 2023 campaign: administrative procedures resolved through online public services',
  },
  authority: { vi: 'UBND huyện Núi Thành, tỉnh Quảng Nam', en: "Núi Thành District People's Committee, Quảng Nam" },
  sources: [
    {
      id: 'plan',
      title:
        'Kế hoạch phát động đợt thi đua cao điểm nâng cao chất lượng giải quyết thủ tục hành chính qua dịch vụ công trực tuyến toàn trình, một phần trên địa bàn huyện Núi Thành',
    },
  ],
  period: { start: '2023-06-01', end: '2023-12-31', timeZone: 'Asia/Ho_Chi_Minh' },
  currency: 'VND',
  inputs: dvcCountInputs,
  relations: dvcCountRelations,
  metrics: dvcCountMetrics({ share: eligibilityCitation, onTime: baseCitation, late: deductionCitation, volume: coefficientCitation }),
  score: {
    criteria: {
      id: 'base',
      label: labels.base,
      max: '100',
      citation: baseCitation,
      score: { kind: 'linear', metric: 'onTimeShare' },
    },
    adjustments: [
      {
        id: 'deduction',
        kind: 'deduction',
        label: labels.deduction,
        short: shortLabels.deduction,
        metric: 'lateShare',
        per: '1',
        points: '1',
        max: '5',
        mode: 'proportional',
        show: { decimals: 2, rounding: 'half-up' },
        citation: deductionCitation,
      },
      {
        id: 'coefficient',
        kind: 'multiplier',
        label: labels.coefficient,
        short: shortLabels.coefficient,
        metric: 'onlineCases',
        brackets: [
          { from: '0', value: '0.1' },
          { from: '300', value: '0.2' },
          { from: '600', value: '0.3' },
          { from: '900', value: '0.4' },
          { from: '1200', value: '0.5' },
          { from: '1500', value: '0.6' },
          { from: '1800', value: '0.7' },
          { from: '2100', value: '0.8' },
          { from: '2400', value: '0.9' },
          { from: '2700', value: '1' },
        ],
        show: true,
        citation: coefficientCitation,
      },
      { id: 'floorAtZero', kind: 'floor', label: labels.floorAtZero, at: '0', citation: combinationCitation },
    ],
    combination: { mode: 'deduct-then-multiply', citation: combinationCitation },
    rounding: {
      decimals: 2,
      mode: 'half-up',
      citation: {
        section: 'III.1',
        text: 'được xếp theo thứ tự từ cao xuống thấp tính theo thang điểm 100',
        textEn:
          'The plan does not state a rounding; scores are published with 2 decimals, rounded half-up once at the end, and the published score ranks (docs/decisions/0003-rounding.md).',
      },
    },
    unscored: { ...unscoredNoCases, citation: eligibilityCitation },
  },
  ranking: {
    ties: [
      { metric: 'onlineShare', order: 'desc' },
      { metric: 'onlineCases', order: 'desc' },
    ],
    citation: {
      section: 'III.1',
      text: 'được xếp theo thứ tự từ cao xuống thấp',
      textEn:
        'Ranked from high to low by published score; ties go to the higher online share, then more online cases; units equal on all three share a rank.',
    },
  },
  prizePolicy: {
    mode: 'best-qualified',
    citation: firstPrizeFloor,
  },
  moves: [onTimeOnlineCase],
  groups: [
    {
      id: 'departments',
      name: { vi: 'Các cơ quan chuyên môn thuộc UBND huyện', en: 'Specialised departments of the district' },
      shortName: { vi: 'Nhóm 1', en: 'Group 1' },
      citation: { section: 'II.1', text: 'Nhóm 1: bao gồm các cơ quan chuyên môn thuộc UBND huyện;' },
      eligibility: {
        conditions: [
          { code: 'online-share-below-floor', metric: 'onlineShare', op: '>=', value: '70' },
          { code: 'online-cases-below-minimum', metric: 'onlineCases', op: '>=', value: '100' },
        ],
        citation: eligibilityCitation,
      },
      prizes: [
        {
          id: 'first',
          label: { vi: 'Giải nhất', en: 'First prize' },
          count: 1,
          amountVnd: 3_500_000,
          conditions: [firstPrizeCondition],
          conditionsCitation: firstPrizeFloor,
          citation: { section: 'III.3.a', text: 'Giải nhất: 3.500.000 đồng' },
        },
        {
          id: 'second',
          label: { vi: 'Giải nhì', en: 'Second prize' },
          count: 1,
          amountVnd: 2_500_000,
          citation: { section: 'III.3.a', text: 'Giải nhì: 2.500.000 đồng' },
        },
        {
          id: 'third',
          label: { vi: 'Giải ba', en: 'Third prize' },
          count: 1,
          amountVnd: 2_000_000,
          citation: { section: 'III.3.a', text: 'Giải ba: 2.000.000 đồng' },
        },
      ],
      prizesCitation: {
        section: 'III.2',
        text: 'Nhóm các cơ quan chuyên môn thuộc UBND huyện có 03 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải ba.',
      },
    },
    {
      id: 'communes',
      name: { vi: 'UBND các xã, thị trấn', en: "Communes and towns' People's Committees" },
      shortName: { vi: 'Nhóm 2', en: 'Group 2' },
      citation: { section: 'II.1', text: 'Nhóm 2: bao gồm UBND các xã, thị trấn;' },
      eligibility: {
        conditions: [{ code: 'online-share-below-floor', metric: 'onlineShare', op: '>=', value: '65' }],
        citation: eligibilityCitation,
      },
      prizes: [
        {
          id: 'first',
          label: { vi: 'Giải nhất', en: 'First prize' },
          count: 1,
          amountVnd: 7_000_000,
          conditions: [firstPrizeCondition],
          conditionsCitation: firstPrizeFloor,
          citation: { section: 'III.3.b', text: 'Giải nhất: 7.000.000 đồng' },
        },
        {
          id: 'second',
          label: { vi: 'Giải nhì', en: 'Second prize' },
          count: 1,
          amountVnd: 4_500_000,
          citation: { section: 'III.3.b', text: 'Giải nhì: 4.500.000 đồng' },
        },
        {
          id: 'third',
          label: { vi: 'Giải ba', en: 'Third prize' },
          count: 1,
          amountVnd: 3_000_000,
          citation: { section: 'III.3.b', text: 'Giải ba: 3.000.000 đồng' },
        },
        {
          id: 'encouragement',
          label: { vi: 'Giải khuyến khích', en: 'Encouragement prize' },
          count: 2,
          amountVnd: 2_000_000,
          citation: { section: 'III.3.b', text: 'Giải khuyến khích: 2.000.000 đồng' },
        },
      ],
      prizesCitation: {
        section: 'III.2',
        text: 'Nhóm UBND các xã, thị trấn có 05 giải gồm: 01 giải nhất, 01 giải nhì, 01 giải ba, 02 giải khuyến khích',
      },
    },
  ],
};
