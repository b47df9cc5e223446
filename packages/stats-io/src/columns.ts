import type { RuleSet, UnitInput } from '@thidua/scoring';
import { foldForMatch } from './text.js';

/** The columns of the statistics sheet, in template order. */
export interface StatsColumn {
  /** The machine key, accepted as a header: `unit_id`, `resolved_total`… */
  key: string;
  /** The UnitInput field the column fills. */
  field: keyof UnitInput;
  /** The template's header (Vietnamese). */
  titleVi: string;
  titleEn: string;
  required: boolean;
  kind: 'text' | 'group' | 'count';
  /** One line for the template's "Hướng dẫn" sheet. */
  help: { vi: string; en: string };
}

export const statsColumns: readonly StatsColumn[] = [
  {
    key: 'unit_id',
    field: 'id',
    titleVi: 'Mã đơn vị',
    titleEn: 'Unit ID',
    required: true,
    kind: 'text',
    help: {
      vi: 'Mã của đơn vị trong danh sách đơn vị của đợt thi đua; không sửa mã đã điền sẵn.',
      en: "The unit's id from the campaign roster; do not change a pre-filled id.",
    },
  },
  {
    key: 'unit_name',
    field: 'name',
    titleVi: 'Tên đơn vị',
    titleEn: 'Unit name',
    required: true,
    kind: 'text',
    help: {
      vi: 'Tên đơn vị, đúng như trong danh sách đơn vị (không phân biệt chữ hoa, chữ thường).',
      en: 'The unit name, as in the roster (upper or lower case does not matter).',
    },
  },
  {
    key: 'group',
    field: 'group',
    titleVi: 'Nhóm',
    titleEn: 'Group',
    required: true,
    kind: 'group',
    help: {
      vi: 'Nhóm thi đua: ghi "Nhóm 1", "Nhóm 2"… (hoặc mã nhóm, ví dụ departments, communes).',
      en: 'The competition group: "Nhóm 1", "Nhóm 2"… (or the group id, e.g. departments, communes).',
    },
  },
  {
    key: 'resolved_total',
    field: 'resolvedTotal',
    titleVi: 'Tổng số hồ sơ đã giải quyết',
    titleEn: 'Cases resolved (all channels)',
    required: true,
    kind: 'count',
    help: {
      vi: 'Tổng số hồ sơ thủ tục hành chính đã giải quyết, mọi hình thức tiếp nhận (số nguyên, không âm).',
      en: 'All administrative-procedure cases resolved, every channel (a whole number, not negative).',
    },
  },
  {
    key: 'resolved_online',
    field: 'resolvedOnline',
    titleVi: 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)',
    titleEn: 'Cases resolved online (full or partial)',
    required: true,
    kind: 'count',
    help: {
      vi: 'Số hồ sơ đã giải quyết được tiếp nhận qua dịch vụ công trực tuyến toàn trình, một phần; không lớn hơn tổng số hồ sơ.',
      en: 'Resolved cases filed through online public services (full or partial); at most the total.',
    },
  },
  {
    key: 'resolved_online_on_time',
    field: 'resolvedOnlineOnTime',
    titleVi: 'Số hồ sơ trực tuyến đúng hạn, trước hạn',
    titleEn: 'Online cases resolved on time or early',
    required: true,
    kind: 'count',
    help: {
      vi: 'Trong số hồ sơ trực tuyến, số hồ sơ giải quyết đúng hạn, trước hạn; không lớn hơn số hồ sơ trực tuyến.',
      en: 'Of the online cases, those resolved on time or early; at most the online cases.',
    },
  },
  {
    key: 'resolved_late',
    field: 'resolvedLate',
    titleVi: 'Số hồ sơ trễ hạn',
    titleEn: 'Cases resolved late',
    required: true,
    kind: 'count',
    help: {
      vi: 'Số hồ sơ giải quyết trễ hạn, mọi hình thức tiếp nhận.',
      en: 'Cases resolved late, every channel.',
    },
  },
  {
    key: 'resolved_online_full',
    field: 'resolvedOnlineFull',
    titleVi: 'Trực tuyến toàn trình',
    titleEn: 'Full online',
    required: false,
    kind: 'count',
    help: {
      vi: 'Không bắt buộc. Số hồ sơ trực tuyến toàn trình; nếu điền thì phải điền cả cột "Trực tuyến một phần", và hai cột cộng lại bằng số hồ sơ trực tuyến.',
      en: 'Optional. Full-online cases; if given, "Partial online" must be given too and the two must add up to the online cases.',
    },
  },
  {
    key: 'resolved_online_partial',
    field: 'resolvedOnlinePartial',
    titleVi: 'Trực tuyến một phần',
    titleEn: 'Partial online',
    required: false,
    kind: 'count',
    help: {
      vi: 'Không bắt buộc. Số hồ sơ trực tuyến một phần (xem cột "Trực tuyến toàn trình").',
      en: 'Optional. Partial-online cases (see "Full online").',
    },
  },
];

const columnByFolded = new Map<string, StatsColumn>();
for (const c of statsColumns) {
  for (const name of [foldForMatch(c.key), foldForMatch(c.titleVi), foldForMatch(c.titleEn), foldForMatch(c.field)]) {
    columnByFolded.set(name, c);
  }
}

/**
 * The column a header names, matched after trimming, ignoring case, accents and punctuation: the
 * key (`resolved_total`), the Vietnamese title, the English title or the UnitInput field name.
 */
export function columnForHeader(header: string): StatsColumn | undefined {
  const folded = foldForMatch(header);
  return folded === '' ? undefined : columnByFolded.get(folded);
}

export function columnForField(field: string): StatsColumn | undefined {
  return statsColumns.find((c) => c.field === field);
}

/**
 * The group id a cell names: the id itself, or the group's short name or name in Vietnamese or
 * English ("Nhóm 2", "Group 2", "UBND các xã, thị trấn"), compared like headers. Undefined when no
 * group, or more than one, matches.
 */
export function groupIdFor(value: string, ruleSet: RuleSet): string | undefined {
  const exact = ruleSet.groups.find((g) => g.id === value);
  if (exact) return exact.id;
  const folded = foldForMatch(value);
  if (folded === '') return undefined;
  const matches = ruleSet.groups.filter((g) =>
    [g.id, g.shortName.vi, g.shortName.en, g.name.vi, g.name.en].some((n) => foldForMatch(n) === folded),
  );
  return matches.length === 1 ? matches[0]?.id : undefined;
}

/** How the template writes a group: its Vietnamese short name when that is unambiguous, else its id. */
export function groupLabelForTemplate(groupId: string, ruleSet: RuleSet): string {
  const group = ruleSet.groups.find((g) => g.id === groupId);
  if (!group) return groupId;
  return groupIdFor(group.shortName.vi, ruleSet) === group.id ? group.shortName.vi : group.id;
}
