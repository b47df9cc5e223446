import type { RuleSet, RuleSetInput } from '@thidua/scoring';
import { foldForMatch } from './text.js';

/**
 * The columns of a campaign's statistics sheet: the unit's id, name and group, then one column per
 * input the rule set declares, in its order — so that every shape of plan (case counts, entered
 * points with comments, a national index's numerators and denominators) has its own sheet, titled
 * with the rule set's own words.
 */
export interface StatsColumn {
  /** The machine key, accepted as a header: `unit_id`, `resolved_total`, `p1_1_1`… */
  key: string;
  /** The unit field the column fills: id, name, group, or an input id. */
  field: string;
  /** The template's header (Vietnamese). */
  titleVi: string;
  titleEn: string;
  required: boolean;
  kind: 'text' | 'group' | 'count' | 'points' | 'comment';
  /** Entered points may be "x": the criterion did not arise. */
  notApplicable: boolean;
  /** One line for the template's guide sheet. */
  help: { vi: string; en: string };
}

const unitColumns: StatsColumn[] = [
  {
    key: 'unit_id',
    field: 'id',
    titleVi: 'Mã đơn vị',
    titleEn: 'Unit ID',
    required: true,
    kind: 'text',
    notApplicable: false,
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
    notApplicable: false,
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
    notApplicable: false,
    help: {
      vi: 'Nhóm thi đua: ghi tên ngắn của nhóm (ví dụ "Nhóm 1") hoặc mã nhóm.',
      en: 'The competition group: its short name (e.g. "Nhóm 1") or its id.',
    },
  },
];

/** "resolvedOnlineOnTime" → "resolved_online_on_time". */
export const snakeCase = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function defaultHelp(input: RuleSetInput): { vi: string; en: string } {
  if (input.kind === 'count') return { vi: 'Số nguyên, không âm.', en: 'A whole number, not negative.' };
  if (input.kind === 'text') return { vi: 'Không bắt buộc. Ghi chú, nhận xét.', en: 'Optional. A note or comment.' };
  return input.notApplicable
    ? {
        vi: 'Số điểm (số thập phân, ví dụ 0,75 hoặc 0.75); ghi "x" nếu nhiệm vụ không phát sinh.',
        en: 'Points (a decimal, e.g. 0.75); write "x" where the task did not arise.',
      }
    : { vi: 'Số điểm (số thập phân, ví dụ 0,75 hoặc 0.75).', en: 'Points (a decimal, e.g. 0.75).' };
}

function inputColumn(input: RuleSetInput): StatsColumn {
  return {
    key: snakeCase(input.id),
    field: input.id,
    titleVi: input.label.vi,
    titleEn: input.label.en,
    required: input.optional !== true && input.kind !== 'text',
    kind: input.kind === 'text' ? 'comment' : input.kind,
    notApplicable: input.notApplicable === true,
    help: input.help ?? defaultHelp(input),
  };
}

/** The sheet's columns under a rule set, in template order. */
export function columnsFor(ruleSet: RuleSet): StatsColumn[] {
  return [...unitColumns, ...ruleSet.inputs.map(inputColumn)];
}

/**
 * Finds the column a header names, matched after trimming, ignoring case, accents and punctuation:
 * the key (`resolved_total`), the Vietnamese title, the English title or the field name.
 */
export function columnMatcher(columns: readonly StatsColumn[]): (header: string) => StatsColumn | undefined {
  const byFolded = new Map<string, StatsColumn>();
  for (const c of columns) {
    for (const name of [c.key, c.titleVi, c.titleEn, c.field]) {
      const folded = foldForMatch(name);
      if (!byFolded.has(folded)) byFolded.set(folded, c);
    }
  }
  return (header) => {
    const folded = foldForMatch(header);
    return folded === '' ? undefined : byFolded.get(folded);
  };
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
