import type { Evaluation, RuleSet, UnitResult } from '@thidua/scoring';
import { formatDecimal, formatVnd, pick, textTable, type Lang } from './output.js';

export interface TableSource {
  fileName: string;
  fileSha256: string;
  warningsCount: number;
}

const words = {
  ruleSet: { vi: 'Bộ quy tắc', en: 'Rule set' },
  file: { vi: 'Tệp số liệu', en: 'Statistics file' },
  units: { vi: 'đơn vị', en: 'units' },
  rank: { vi: 'Hạng', en: 'Rank' },
  id: { vi: 'Mã', en: 'ID' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  score: { vi: 'Điểm', en: 'Score' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  coefficient: { vi: 'Hệ số', en: 'Coef.' },
  prize: { vi: 'Giải', en: 'Prize' },
  ineligible: { vi: 'Không đủ điều kiện xét giải', en: 'Not eligible' },
  vacant: { vi: 'Giải để trống', en: 'Vacant prizes' },
  undecided: { vi: 'Chưa phân định (hội đồng quyết định)', en: 'Undecided (for the committee)' },
  groupTotal: { vi: 'Tiền thưởng của nhóm', en: 'Awarded in this group' },
  budget: { vi: 'trên tổng', en: 'of a budget of' },
  total: { vi: 'Tổng tiền thưởng', en: 'Total awarded' },
  warnings: { vi: 'Cảnh báo (không chặn)', en: 'Warnings (not blocking)' },
  tied: { vi: 'đồng hạng, chưa phân định', en: 'tied, undecided' },
  noneRanked: { vi: '(không có đơn vị nào đủ điều kiện)', en: '(no eligible unit)' },
};

const percent = (value: string | null, lang: Lang) => (value === null ? '—' : `${formatDecimal(value, lang)}%`);

/** The ranking and awards as an aligned plain-text report, one table per group. */
export function scoreTable(evaluation: Evaluation, ruleSet: RuleSet, source: TableSource, lang: Lang): string {
  const w = (k: keyof typeof words) => pick(words[k], lang);
  const out: string[] = [];
  out.push(pick(ruleSet.title, lang));
  out.push(
    `${w('ruleSet')}: ${ruleSet.id} (@thidua/scoring ${evaluation.libraryVersion}) · ${w('file')}: ${source.fileName} · ` +
      `SHA-256 ${source.fileSha256.slice(0, 16)}… · ${evaluation.units.length} ${w('units')}`,
  );
  const byId = new Map(evaluation.units.map((u) => [u.unitId, u]));
  for (const group of evaluation.groups) {
    const ruleGroup = ruleSet.groups.find((g) => g.id === group.id);
    out.push('');
    out.push(`${ruleGroup ? pick(ruleGroup.shortName, lang) + ' — ' : ''}${pick(group.name, lang)}`);
    const prizeCell = (u: UnitResult) =>
      u.prize ? `${pick(u.prize.label, lang)} (${formatVnd(u.prize.amount, lang)})` : u.undecidedPrizeIds.length > 0 ? `? ${w('tied')}` : '';
    const rows = group.ranking.map((entry) => {
      const u = byId.get(entry.unitId) as UnitResult;
      return [
        String(entry.rank),
        u.unitId,
        u.unitName,
        formatDecimal(u.score, lang),
        percent(u.metrics.onlineSharePercent, lang),
        percent(u.metrics.onTimeOnlinePercent, lang),
        percent(u.metrics.latePercent, lang),
        formatDecimal(u.metrics.coefficient, lang),
        prizeCell(u),
      ];
    });
    if (rows.length === 0) out.push(w('noneRanked'));
    else {
      out.push(
        textTable(
          [w('rank'), w('id'), w('unit'), w('score'), w('online'), w('onTime'), w('late'), w('coefficient'), w('prize')],
          rows,
          ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
        ),
      );
    }
    if (group.ineligibleUnitIds.length > 0) {
      out.push(`${w('ineligible')}:`);
      for (const id of group.ineligibleUnitIds) {
        const u = byId.get(id) as UnitResult;
        const reasons = u.reasons.map((r) => pick(r.message, lang)).join('; ');
        out.push(`  · ${u.unitName} (${u.unitId}) — ${reasons}`);
      }
    }
    if (group.vacantPrizes.length > 0) {
      const labels = group.vacantPrizes.map((id) => {
        const p = ruleGroup?.prizes.find((x) => x.id === id);
        return p ? pick(p.label, lang) : id;
      });
      out.push(`${w('vacant')}: ${labels.join(', ')}`);
    }
    for (const u of group.undecided) out.push(`${w('undecided')}: ${pick(u.message, lang)}`);
    out.push(`${w('groupTotal')}: ${formatVnd(group.totalAwarded, lang)} ${w('budget')} ${formatVnd(group.budget, lang)}`);
  }
  out.push('');
  out.push(`${w('total')}: ${formatVnd(evaluation.totalAwarded, lang)}`);
  if (evaluation.warnings.length > 0 || source.warningsCount > 0) {
    out.push(`${w('warnings')}: ${Math.max(evaluation.warnings.length, source.warningsCount)} — thidua validate ${source.fileName}`);
  }
  return out.join('\n') + '\n';
}
