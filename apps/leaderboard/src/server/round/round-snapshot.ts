import type { UnitInput } from '@thidua/scoring';
import type { SheetIssue } from '../../contract.js';
import type { Campaign } from '../campaigns/campaign.js';
import type { RoundCriterionInfo } from '../../process/round-criteria.js';
import type { EntryRow, UnitRoundRow } from '../../store/round.js';

/**
 * The round's result as the campaign's statistics: one unit a row, each criterion's appraised
 * points (the rule set's entered input), the unit's self-assessed points (`selfInput`) and the
 * appraisal's comment (`commentInput`) where the rule set names them. The council finalises on this
 * snapshot (ADR 0020), so the published scorecard is the library's, like any other campaign's.
 * What is missing — a criterion not appraised, a unit not confirmed — is listed, unit by criterion.
 */
export function roundUnits(
  campaign: Campaign,
  criteria: readonly RoundCriterionInfo[],
  entries: readonly EntryRow[],
  states: ReadonlyMap<string, UnitRoundRow>,
): { units: UnitInput[]; issues: SheetIssue[] } {
  const byUnit = new Map<string, Map<string, EntryRow>>();
  for (const e of entries) {
    let m = byUnit.get(e.unitId);
    if (!m) byUnit.set(e.unitId, (m = new Map()));
    m.set(e.criterionId, e);
  }
  const issues: SheetIssue[] = [];
  const value = (points: string | null) => points ?? undefined;
  const units = campaign.roster.map((u, i): UnitInput => {
    const mine = byUnit.get(u.id);
    const row: UnitInput = { id: u.id, name: u.name, group: u.group };
    if (!states.get(u.id)?.confirmedAt) {
      issues.push({
        row: i + 2,
        column: null,
        field: null,
        code: 'not_confirmed',
        message: { vi: `${u.name}: Hội đồng thẩm định chưa xác nhận kết quả thẩm định`, en: `${u.name}: the council has not confirmed the appraisal` },
      });
    }
    for (const c of criteria) {
      const e = mine?.get(c.id);
      const appraised = value(e?.appraisal.points ?? null);
      if (appraised === undefined) {
        issues.push({
          row: i + 2,
          column: c.number ?? c.id,
          field: c.input,
          code: 'not_appraised',
          message: { vi: `${u.name}: tiêu chí ${c.number ?? c.id} chưa có điểm thẩm định`, en: `${u.name}: criterion ${c.number ?? c.id} has no appraised points` },
        });
      } else row[c.input] = appraised;
      const self = value(e?.self.points ?? null);
      if (c.selfInput !== null && self !== undefined) row[c.selfInput] = self;
      if (c.commentInput !== null && e && e.appraisal.comment !== '') row[c.commentInput] = e.appraisal.comment;
    }
    return row;
  });
  return { units, issues };
}
