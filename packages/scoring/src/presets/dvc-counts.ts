import type { Citation } from '../schema/common.js';
import type { Metric, Move, Relation, RuleSetInput } from '../schema/rule-set.js';

/**
 * The vocabulary of a campaign scored on case counts from the online-public-service statistics
 * (Núi Thành 2023, and every version 1 rule set): four counts and two optional splits, how they
 * relate, the shares read from them, and the move that improves a unit. Shared by the Núi Thành
 * preset and the version 1 converter, so that a converted rule set is the preset's very shape.
 */

export const dvcCountInputs: RuleSetInput[] = [
  {
    id: 'resolvedTotal',
    label: { vi: 'Tổng số hồ sơ đã giải quyết', en: 'Cases resolved (all channels)' },
    short: { vi: 'tổng số hồ sơ đã giải quyết', en: 'all cases resolved' },
    kind: 'count',
    help: {
      vi: 'Tổng số hồ sơ thủ tục hành chính đã giải quyết, mọi hình thức tiếp nhận (số nguyên, không âm).',
      en: 'All administrative-procedure cases resolved, every channel (a whole number, not negative).',
    },
  },
  {
    id: 'resolvedOnline',
    label: { vi: 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', en: 'Cases resolved online (full or partial)' },
    short: { vi: 'số hồ sơ trực tuyến', en: 'online cases' },
    kind: 'count',
    help: {
      vi: 'Số hồ sơ đã giải quyết được tiếp nhận qua dịch vụ công trực tuyến toàn trình, một phần; không lớn hơn tổng số hồ sơ.',
      en: 'Resolved cases filed through online public services (full or partial); at most the total.',
    },
  },
  {
    id: 'resolvedOnlineOnTime',
    label: { vi: 'Số hồ sơ trực tuyến đúng hạn, trước hạn', en: 'Online cases resolved on time or early' },
    short: { vi: 'số hồ sơ trực tuyến đúng hạn', en: 'online cases resolved on time' },
    kind: 'count',
    help: {
      vi: 'Trong số hồ sơ trực tuyến, số hồ sơ giải quyết đúng hạn, trước hạn; không lớn hơn số hồ sơ trực tuyến.',
      en: 'Of the online cases, those resolved on time or early; at most the online cases.',
    },
  },
  {
    id: 'resolvedLate',
    label: { vi: 'Số hồ sơ trễ hạn', en: 'Cases resolved late' },
    short: { vi: 'số hồ sơ trễ hạn', en: 'late cases' },
    kind: 'count',
    help: { vi: 'Số hồ sơ giải quyết trễ hạn, mọi hình thức tiếp nhận.', en: 'Cases resolved late, every channel.' },
  },
  {
    id: 'resolvedOnlineFull',
    label: { vi: 'Trực tuyến toàn trình', en: 'Full online' },
    short: { vi: 'số hồ sơ toàn trình', en: 'full-online cases' },
    kind: 'count',
    optional: true,
    help: {
      vi: 'Không bắt buộc. Số hồ sơ trực tuyến toàn trình; nếu điền thì phải điền cả cột "Trực tuyến một phần", và hai cột cộng lại bằng số hồ sơ trực tuyến.',
      en: 'Optional. Full-online cases; if given, "Partial online" must be given too and the two must add up to the online cases.',
    },
  },
  {
    id: 'resolvedOnlinePartial',
    label: { vi: 'Trực tuyến một phần', en: 'Partial online' },
    short: { vi: 'số hồ sơ một phần', en: 'partial-online cases' },
    kind: 'count',
    optional: true,
    help: {
      vi: 'Không bắt buộc. Số hồ sơ trực tuyến một phần (xem cột "Trực tuyến toàn trình").',
      en: 'Optional. Partial-online cases (see "Full online").',
    },
  },
];

export const dvcCountRelations: Relation[] = [
  {
    kind: 'compare',
    code: 'on_time_exceeds_online',
    left: ['resolvedOnlineOnTime'],
    op: '<=',
    right: ['resolvedOnline'],
    severity: 'error',
    message: {
      vi: 'Số hồ sơ trực tuyến đúng hạn ({resolvedOnlineOnTime}) lớn hơn số hồ sơ trực tuyến ({resolvedOnline}).',
      en: 'Online cases resolved on time ({resolvedOnlineOnTime}) exceed online cases ({resolvedOnline}).',
    },
  },
  {
    kind: 'compare',
    code: 'online_exceeds_total',
    left: ['resolvedOnline'],
    op: '<=',
    right: ['resolvedTotal'],
    severity: 'error',
    message: {
      vi: 'Số hồ sơ trực tuyến ({resolvedOnline}) lớn hơn tổng số hồ sơ đã giải quyết ({resolvedTotal}).',
      en: 'Online cases ({resolvedOnline}) exceed all cases resolved ({resolvedTotal}).',
    },
  },
  {
    kind: 'compare',
    code: 'late_exceeds_total',
    left: ['resolvedLate'],
    op: '<=',
    right: ['resolvedTotal'],
    severity: 'error',
    message: {
      vi: 'Số hồ sơ trễ hạn ({resolvedLate}) lớn hơn tổng số hồ sơ đã giải quyết ({resolvedTotal}).',
      en: 'Late cases ({resolvedLate}) exceed all cases resolved ({resolvedTotal}).',
    },
  },
  {
    kind: 'compare',
    code: 'on_time_plus_late_exceeds_total',
    left: ['resolvedOnlineOnTime', 'resolvedLate'],
    op: '<=',
    right: ['resolvedTotal'],
    field: 'resolvedLate',
    severity: 'error',
    message: {
      vi: 'Số hồ sơ trực tuyến đúng hạn ({resolvedOnlineOnTime}) cộng số hồ sơ trễ hạn ({resolvedLate}) lớn hơn tổng số hồ sơ ({resolvedTotal}).',
      en: 'Online on-time cases ({resolvedOnlineOnTime}) plus late cases ({resolvedLate}) exceed all cases resolved ({resolvedTotal}).',
    },
  },
  {
    kind: 'together',
    code: 'full_partial_incomplete',
    fields: ['resolvedOnlineFull', 'resolvedOnlinePartial'],
  },
  {
    kind: 'compare',
    code: 'full_partial_mismatch',
    left: ['resolvedOnlineFull', 'resolvedOnlinePartial'],
    op: '=',
    right: ['resolvedOnline'],
    field: 'resolvedOnlinePartial',
    severity: 'error',
    message: {
      vi: 'Toàn trình ({resolvedOnlineFull}) cộng một phần ({resolvedOnlinePartial}) phải bằng số hồ sơ trực tuyến ({resolvedOnline}).',
      en: 'Full-online ({resolvedOnlineFull}) plus partial-online ({resolvedOnlinePartial}) must equal online cases ({resolvedOnline}).',
    },
  },
  {
    kind: 'compare',
    code: 'unaccounted_online_cases',
    left: ['resolvedOnlineOnTime', 'resolvedLate'],
    op: '>=',
    right: ['resolvedOnline'],
    field: 'resolvedLate',
    severity: 'warning',
    message: {
      vi: 'Có {difference} hồ sơ trực tuyến không đúng hạn mà cũng không được ghi nhận là trễ hạn (trực tuyến {resolvedOnline}, đúng hạn {resolvedOnlineOnTime}, trễ hạn {resolvedLate}): kiểm tra lại số liệu.',
      en: '{difference} online case(s) were neither on time nor recorded as late (online {resolvedOnline}, on time {resolvedOnlineOnTime}, late {resolvedLate}): check the figures.',
    },
  },
];

/** The four figures read from the counts, cited to the sentences that use them. */
export function dvcCountMetrics(cite: { share: Citation; onTime: Citation; late: Citation; volume: Citation }): Metric[] {
  return [
    {
      id: 'onlineShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ giải quyết trực tuyến (%)', en: 'Share of cases resolved online (%)' },
      short: { vi: 'Tỷ lệ trực tuyến', en: 'Online share' },
      of: ['resolvedOnline'],
      per: ['resolvedTotal'],
      percent: true,
      whenEmpty: 'none',
      // Half-up, as the plan prints shares; beside the 65% floor a figure that rounding would lift
      // onto it is shown with the decimals that tell it apart (metricTextBeside).
      show: { decimals: 2, rounding: 'half-up' },
      citation: cite.share,
    },
    {
      id: 'onTimeShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ trực tuyến đúng hạn, trước hạn (%)', en: 'Share of cases resolved online on time (%)' },
      short: { vi: 'Tỷ lệ trực tuyến đúng hạn', en: 'On-time online share' },
      of: ['resolvedOnlineOnTime'],
      per: ['resolvedTotal'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: cite.onTime,
    },
    {
      id: 'lateShare',
      kind: 'ratio',
      label: { vi: 'Tỷ lệ hồ sơ trễ hạn (%)', en: 'Late cases (%)' },
      short: { vi: 'Tỷ lệ trễ hạn', en: 'Late share' },
      of: ['resolvedLate'],
      per: ['resolvedTotal'],
      percent: true,
      whenEmpty: 'none',
      show: { decimals: 2, rounding: 'half-up' },
      citation: cite.late,
    },
    {
      id: 'onlineCases',
      kind: 'sum',
      label: { vi: 'Số hồ sơ trực tuyến đã tiếp nhận và giải quyết', en: 'Online cases received and resolved' },
      short: { vi: 'Số hồ sơ trực tuyến', en: 'Online cases' },
      of: ['resolvedOnline'],
      citation: cite.volume,
    },
  ];
}

/** One more case resolved online on time: +1 to total, online and on-time cases (docs/decisions/0007-gaps.md). */
export const onTimeOnlineCase: Move = {
  id: 'onTimeOnlineCase',
  label: { vi: 'hồ sơ trực tuyến đúng hạn', en: 'on-time online case' },
  adds: { resolvedTotal: 1, resolvedOnline: 1, resolvedOnlineOnTime: 1 },
};

export const unscoredNoCases = {
  code: 'no-cases',
  message: { vi: 'Không có hồ sơ nào được giải quyết', en: 'No cases resolved' },
};

export const labels = {
  base: { vi: 'Tỷ lệ hồ sơ trực tuyến đúng hạn, trước hạn (thang điểm 100)', en: 'On-time online cases (100-point scale)' },
  deduction: { vi: 'Điểm trừ trễ hạn', en: 'Late-case deduction' },
  coefficient: { vi: 'Hệ số phát sinh hồ sơ (theo số hồ sơ trực tuyến)', en: 'Volume coefficient (by online cases)' },
  floorAtZero: { vi: 'Điểm không âm', en: 'No score below zero' },
} as const;

/** Column headings of the two published adjustments. */
export const shortLabels = {
  deduction: { vi: 'Điểm trừ', en: 'Deduction' },
  coefficient: { vi: 'Hệ số', en: 'Coefficient' },
} as const;
