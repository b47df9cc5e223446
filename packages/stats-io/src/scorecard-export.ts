import { describeRuleSet, explainer, type Criterion, type Evaluation, type ExplanationStep } from '@thidua/scoring';
import type { OutCell } from './sheet-writing.js';
import { assertSameRuleSet, documentsXlsx, groupLabel, type Document, type ExportMeta, type TableColumn, type TableRow } from './exports.js';

/**
 * A criteria-tree index as the province's usual sheet (the CCHC index): one row per criterion, in
 * the document's order, with each unit's self-assessed points, appraised points and comment side by
 * side; and a summary sheet of the units' totals, ranks and their ranks by each group the rule set
 * ranks by. Each unit's column is its working (the library's explainer), from the statistics the
 * evaluation was made of.
 */
function criteriaInOrder(root: Criterion): Criterion[] {
  const out: Criterion[] = [];
  const visit = (c: Criterion) => {
    out.push(c);
    for (const child of c.children ?? []) visit(child);
  };
  visit(root);
  return out;
}

function scorecardDocuments(evaluation: Evaluation, meta: ExportMeta): Document[] {
  assertSameRuleSet(evaluation, meta);
  const rs = meta.ruleSet;
  if (!rs.score) throw new Error(`rule set ${rs.id} has no criteria tree to export`);
  const explain = explainer(rs);
  const inputs = new Map((meta.units ?? []).map((u) => [u.id, u]));
  // The evaluation lists units by group, ranked ones in rank order, then the others.
  const ranked = evaluation.units;
  const steps = new Map<string, Map<string, ExplanationStep>>();
  for (const u of ranked) {
    const input = inputs.get(u.unitId);
    if (input) steps.set(u.unitId, new Map(explain(input).steps.map((s) => [s.id, s])));
  }

  const columns: TableColumn[] = [
    { title: 'Số TT', kind: 'text', width: 8 },
    { title: 'Tiêu chí', kind: 'text', width: 60 },
    { title: 'Điểm tối đa', kind: 'decimal', width: 10 },
  ];
  for (const u of ranked) {
    columns.push(
      { title: `${u.unitName} — Tự đánh giá`, kind: 'decimal', width: 12 },
      { title: `${u.unitName} — Thẩm định`, kind: 'decimal', width: 12 },
      { title: `${u.unitName} — Nhận xét`, kind: 'text', width: 36 },
    );
  }
  const rows: TableRow[] = criteriaInOrder(rs.score.criteria).map((c) => {
    const cells: OutCell[] = [c.number ?? c.id, c.label.vi, c.max];
    for (const u of ranked) {
      const step = steps.get(u.unitId)?.get(c.id);
      if (!step) {
        cells.push(null, null, null);
        continue;
      }
      cells.push(step.selfAssessed, step.notApplicable ? 'x' : step.value, step.comment);
    }
    return { cells, emphasis: (c.children?.length ?? 0) > 0 };
  });

  const digest = describeRuleSet(rs);
  const summaryColumns: TableColumn[] = [
    { title: 'Nhóm', kind: 'text', width: 14 },
    { title: 'Hạng', kind: 'integer', width: 7 },
    { title: 'Mã đơn vị', kind: 'text', width: 16 },
    { title: 'Tên đơn vị', kind: 'text', width: 30 },
    { title: 'Tổng điểm', kind: 'score', width: 11 },
  ];
  if (rs.classes) summaryColumns.push({ title: 'Xếp loại', kind: 'text', width: 12 });
  for (const by of digest.alsoRankedBy) {
    const name = `${by.number ? `${by.number}. ` : ''}${by.label.vi}`;
    summaryColumns.push({ title: `${name} — điểm`, kind: 'decimal', width: 14 }, { title: `${name} — hạng`, kind: 'integer', width: 10 });
  }
  const groups = new Map(evaluation.groups.map((g) => [g.id, g]));
  const classes = new Map((rs.classes?.levels ?? []).map((l) => [l.id, l.label.vi]));
  const summaryRows: TableRow[] = ranked.map((u) => {
    const group = groups.get(u.groupId);
    const cells: OutCell[] = [group ? groupLabel(group, rs) : u.groupId, u.rank, u.unitId, u.unitName, u.score];
    if (rs.classes) cells.push(u.class ? (classes.get(u.class) ?? u.class) : null);
    for (const by of digest.alsoRankedBy) cells.push(u.metrics[by.criterion] ?? steps.get(u.unitId)?.get(by.criterion)?.value ?? null, u.criterionRanks?.[by.criterion] ?? null);
    return { cells };
  });

  const base = { meta, libraryVersion: evaluation.libraryVersion, footer: [] };
  return [
    { ...base, sheetName: 'Chấm điểm', heading: 'BẢNG CHẤM ĐIỂM THEO TIÊU CHÍ — Self-assessed and appraised points by criterion', columns, rows },
    { ...base, sheetName: 'Tổng hợp', heading: 'BẢNG TỔNG HỢP, XẾP HẠNG — Totals and ranks', columns: summaryColumns, rows: summaryRows },
  ];
}

/** The scorecard sheet (criteria × units) and its summary (totals and ranks), as XLSX. */
export function scorecardXlsx(evaluation: Evaluation, meta: ExportMeta): Promise<Uint8Array> {
  return documentsXlsx(scorecardDocuments(evaluation, meta));
}
