import { extname } from 'node:path';
import {
  createAwardBundle,
  describeRuleSet,
  evaluate,
  explain,
  standingContext,
  standingOf,
  type Evaluation,
  type Explanation,
  type Standing,
  getPreset,
  presets,
  sha256Hex,
  verifyAwardBundle,
  type AwardBundleVerification,
  type BundleMismatch,
  type RuleSet,
} from '@thidua/scoring';
import {
  awardsCsv,
  awardsXlsx,
  checkCampaignText,
  checkRuleSetText,
  locateJson,
  rankingCsv,
  rankingXlsx,
  templateCsv,
  templateXlsx,
  type ExportMeta,
  type PlacedProblem,
} from '@thidua/stats-io';
import type { Values } from './cli.js';
import {
  formatSheetIssue,
  loadRuleSet,
  loadRules,
  loadStats,
  progressFor,
  readInputFile,
  refuseIfIssues,
  type Rules,
} from './inputs.js';
import { both, emit, formatVnd, pick, UsageError, UserError, type Lang } from './output.js';
import { scoreTable } from './score-table.js';

const langOf = (values: Values): Lang => (values.lang === 'en' ? 'en' : 'vi');
const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function progressFlag(values: Values): boolean | undefined {
  if (values['no-progress']) return false;
  if (values.progress) return true;
  return undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string, command: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    { vi: `${option} phải là ${allowed.join(' | ')} (nhận được "${value}")`, en: `${option} must be ${allowed.join(' | ')} (got "${value}")` },
    command,
  );
}

/** Today in the campaign's time zone, kept inside the campaign period. */
function defaultAsOf(ruleSet: RuleSet): string {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: ruleSet.period.timeZone });
  if (today < ruleSet.period.start) return ruleSet.period.start;
  if (today > ruleSet.period.end) return ruleSet.period.end;
  return today;
}

function refuseBinaryToTerminal(out: string | undefined, command: string): void {
  if (out === undefined && process.stdout.isTTY) {
    throw new UsageError(
      { vi: 'Tệp XLSX không in ra màn hình được: thêm --out <tệp.xlsx>', en: 'XLSX cannot be printed to a terminal: add --out <file.xlsx>' },
      command,
    );
  }
}

// ── score ────────────────────────────────────────────────────────────────────────────────

export async function scoreCommand(path: string, values: Values): Promise<number> {
  const lang = langOf(values);
  const out = str(values.out);
  const format = oneOf(str(values.format), ['table', 'json', 'csv', 'xlsx'] as const, formatFromOut(out), '--format', 'score');
  const list = oneOf(str(values.list), ['ranking', 'awards'] as const, 'ranking', '--list', 'score');
  const status = oneOf(str(values.status), ['provisional', 'final'] as const, 'provisional', '--status', 'score');
  const asOf = str(values['as-of']);
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new UsageError({ vi: `--as-of phải có dạng YYYY-MM-DD (nhận được "${asOf}")`, en: `--as-of must be YYYY-MM-DD (got "${asOf}")` }, 'score');
  }
  if (format === 'xlsx') refuseBinaryToTerminal(out, 'score');

  const rules = loadRules(str(values.rules), str(values.campaign), lang, 'score');
  const { ruleSet } = rules;
  const progress = progressFor(path, progressFlag(values));
  const stats = await loadStats(path, rules, progress);
  refuseIfIssues(stats, lang);
  const explainId = str(values.explain);
  if (explainId !== undefined) {
    const unit = stats.parsed.units.find((u) => u.id === explainId);
    if (!unit) {
      throw new UsageError(
        { vi: `Không có đơn vị "${explainId}" trong ${stats.fileName}`, en: `No unit "${explainId}" in ${stats.fileName}` },
        'score',
      );
    }
    const explanation = explain(unit, ruleSet);
    const standing = standingIn(evaluate(stats.parsed.units, ruleSet, { gaps: false }), ruleSet, explainId);
    emit(format === 'json' ? `${JSON.stringify({ ...explanation, standing }, null, 2)}\n` : explanationText(explanation, standing, lang), out);
    return 0;
  }
  progress.step({ vi: `Đang tính điểm ${stats.parsed.units.length} đơn vị`, en: `Scoring ${stats.parsed.units.length} units` });
  const evaluation = evaluate(stats.parsed.units, ruleSet);
  const fileSha256 = await sha256Hex(stats.bytes);
  progress.step({ vi: 'Đang ghi kết quả', en: 'Writing the result' });

  if (format === 'table') {
    emit(scoreTable(evaluation, ruleSet, { fileName: stats.fileName, fileSha256, warningsCount: stats.parsed.warnings.length }, lang), out);
  } else if (format === 'json') {
    emit(`${JSON.stringify(evaluation, null, 2)}\n`, out);
  } else {
    const meta: ExportMeta = {
      ruleSet,
      status,
      asOf: asOf ?? defaultAsOf(ruleSet),
      inputSha256: fileSha256,
      sample: false,
      generatedAt: new Date().toISOString(),
      units: stats.parsed.units,
    };
    const writers = { ranking: { csv: rankingCsv, xlsx: rankingXlsx }, awards: { csv: awardsCsv, xlsx: awardsXlsx } };
    emit(await writers[list][format](evaluation, meta), out);
  }
  if (out !== undefined) {
    process.stderr.write(`✔ ${both({ vi: `Đã ghi ${out}`, en: `wrote ${out}` }, lang)}\n`);
  }
  return 0;
}

/** Where the unit stands in the evaluation of the whole file (rank, class, the tie rule that decided it). */
function standingIn(evaluation: Evaluation, ruleSet: RuleSet, unitId: string): Standing | null {
  const unit = evaluation.units.find((u) => u.unitId === unitId);
  const group = evaluation.groups.find((g) => g.id === unit?.groupId);
  if (!unit || !group) return null;
  const names = new Map(evaluation.units.map((u) => [u.unitId, u.unitName]));
  return standingOf(unit, standingContext(group, unitId), describeRuleSet(ruleSet), (id) => names.get(id) ?? id);
}

/** One unit's working as text: each step indented under its parent, formula = value, and its source; then where it stands. */
function explanationText(e: Explanation, standing: Standing | null, lang: Lang): string {
  const lines = [`${e.unitName} (${e.unitId}) — ${e.ruleSetId}`];
  for (const s of e.steps) {
    const indent = '  '.repeat(s.depth + 1);
    const name = `${s.number ? `${s.number} ` : ''}${pick(s.label, lang)}`;
    const max = s.max !== null ? ` / ${s.countedMax !== null && Number(s.countedMax) !== Number(s.max) ? `${s.countedMax} (${s.max})` : s.max}` : '';
    const value = s.value === null ? '—' : `${s.value}${s.exact ? '' : '…'}`;
    // An entered figure is its own working: "0.8 / 1.0", not "0.8 = 0.8 / 1.0".
    lines.push(`${indent}${name}: ${s.formula === s.value ? '' : `${s.formula} = `}${value}${max}`);
    if (s.note) lines.push(`${indent}  ${pick(s.note, lang)}`);
    if (s.comment) lines.push(`${indent}  ${lang === 'vi' ? 'Nhận xét' : 'Comment'}: ${s.comment}`);
    if (s.stated !== null && s.stated !== s.value) lines.push(`${indent}  ${lang === 'vi' ? 'Văn bản ghi' : 'Stated'}: ${s.stated}`);
    if (s.citation) lines.push(`${indent}  [${s.citation.section}] ${s.citation.text}`);
  }
  for (const c of e.conditions) lines.push(`${c.met ? '✔' : '✘'} ${pick(c.label, lang)}: ${c.formula}`);
  for (const t of e.targets) lines.push(`${t.met ? '✔' : '✘'} ${pick(t.label, lang)}: ${t.formula}`);
  for (const line of standing?.lines ?? []) {
    lines.push(`» ${pick(line.text, lang)}`);
    if (line.citation) lines.push(`  [${line.citation.section}] ${line.citation.text}`);
  }
  for (const w of e.warnings) lines.push(`! ${pick(w.message, lang)}`);
  return `${lines.join('\n')}\n`;
}

function formatFromOut(out: string | undefined): 'table' | 'json' | 'csv' | 'xlsx' {
  const ext = out ? extname(out).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return 'table';
}

// ── validate ─────────────────────────────────────────────────────────────────────────────

export async function validateCommand(path: string, values: Values): Promise<number> {
  const lang = langOf(values);
  const format = oneOf(str(values.format), ['text', 'json'] as const, 'text', '--format', 'validate');
  const rules = loadRules(str(values.rules), str(values.campaign), lang, 'validate');
  const { ruleSet } = rules;
  const stats = await loadStats(path, rules, progressFor(path, progressFlag(values)));
  const { issues, warnings, rowCount } = stats.parsed;
  if (format === 'json') {
    emit(`${JSON.stringify({ file: stats.fileName, ok: issues.length === 0, rowCount, issues, warnings }, null, 2)}\n`, undefined);
    return issues.length > 0 ? 1 : 0;
  }
  const lines: string[] = [];
  if (issues.length === 0) {
    lines.push(
      `✔ ${both(
        { vi: `${stats.fileName}: ${rowCount} dòng số liệu hợp lệ (${ruleSet.id})`, en: `${stats.fileName}: ${rowCount} data rows, all valid (${ruleSet.id})` },
        lang,
      )}`,
    );
  } else {
    lines.push(
      `✘ ${both(
        { vi: `${stats.fileName}: ${issues.length} lỗi — tệp sẽ bị từ chối`, en: `${stats.fileName}: ${issues.length} problem(s) — the file would be refused` },
        lang,
      )}`,
    );
    for (const i of issues) lines.push(`  ✘ ${formatSheetIssue(i, lang)}`);
  }
  if (warnings.length > 0) {
    lines.push(`! ${both({ vi: `${warnings.length} cảnh báo (không chặn)`, en: `${warnings.length} warning(s) (not blocking)` }, lang)}`);
    for (const w of warnings) lines.push(`  ! ${formatSheetIssue(w, lang)}`);
  }
  emit(`${lines.join('\n')}\n`, undefined);
  return issues.length > 0 ? 1 : 0;
}

// ── template ─────────────────────────────────────────────────────────────────────────────

export async function templateCommand(values: Values): Promise<number> {
  const lang = langOf(values);
  const out = str(values.out);
  const fromOut = out && extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const format = oneOf(str(values.format), ['csv', 'xlsx'] as const, fromOut, '--format', 'template');
  if (format === 'xlsx') refuseBinaryToTerminal(out, 'template');
  const { ruleSet, roster } = loadRules(str(values.rules), str(values.campaign), lang, 'template');
  const options = roster ? { ruleSet, roster } : { ruleSet };
  emit(format === 'csv' ? templateCsv(options) : await templateXlsx(options), out);
  if (out !== undefined) process.stderr.write(`✔ ${both({ vi: `Đã ghi ${out}`, en: `wrote ${out}` }, lang)}\n`);
  return 0;
}

// ── rules ────────────────────────────────────────────────────────────────────────────────

export function rulesInitCommand(values: Values): number {
  const id = str(values.from) ?? 'nui-thanh-2023';
  const preset = getPreset(id);
  if (!preset) {
    throw new UsageError(
      { vi: `Không có bộ quy tắc mẫu "${id}" (có: ${Object.keys(presets).join(', ')})`, en: `No preset "${id}" (available: ${Object.keys(presets).join(', ')})` },
      'rules',
    );
  }
  emit(`${JSON.stringify(preset, null, 2)}\n`, str(values.out));
  return 0;
}

export function rulesListCommand(values: Values): number {
  const lang = langOf(values);
  const lines = Object.values(presets).map((p) => `  ${p.id.padEnd(28)} ${pick(p.title, lang)}`);
  emit(`${both({ vi: 'Các bộ quy tắc mẫu', en: 'Presets' }, lang)}:\n${lines.join('\n')}\n`, str(values.out));
  return 0;
}

export function rulesCheckCommand(path: string, values: Values): number {
  const lang = langOf(values);
  const text = new TextDecoder().decode(readInputFile(path, { vi: 'Tệp quy tắc', en: 'Rules file' }));
  // A campaign file (rule set + roster) is checked whole, as the leaderboard will read it.
  const parsed = locateJson(text).value;
  const isCampaign = typeof parsed === 'object' && parsed !== null && 'ruleSet' in parsed && 'roster' in parsed;
  let checked: { rules: Rules | null; problems: PlacedProblem[]; warnings: PlacedProblem[] };
  if (isCampaign) checked = checkCampaignText(text);
  else {
    const bare = checkRuleSetText(text);
    checked = { rules: bare.ruleSet ? { ruleSet: bare.ruleSet } : null, problems: bare.problems, warnings: bare.warnings };
  }
  if (!checked.rules) {
    const lines = [`✘ ${both({ vi: `${path}: ${checked.problems.length} lỗi`, en: `${path}: ${checked.problems.length} problem(s)` }, lang)}`];
    for (const p of checked.problems) lines.push(`${path}:${p.line}:${p.column}  ${both(p.message, lang)}`);
    emit(`${lines.join('\n')}\n`, undefined);
    return 1;
  }
  const { ruleSet, roster } = checked.rules;
  const head = both(
    roster
      ? { vi: `${path}: hợp lệ — tệp chiến dịch, bộ quy tắc "${ruleSet.id}"`, en: `${path}: valid — campaign file, rule set "${ruleSet.id}"` }
      : { vi: `${path}: hợp lệ — bộ quy tắc "${ruleSet.id}"`, en: `${path}: valid — rule set "${ruleSet.id}"` },
    lang,
  );
  // What the source itself does not make add up: said with its line, and the file is still valid.
  const warnings = checked.warnings.map((w) => `! ${path}:${w.line}:${w.column}  ${both(w.message, lang)}`);
  emit(`✔ ${head}\n  ${pick(ruleSet.title, lang)}\n${ruleSetSummary(ruleSet, roster, lang).join('\n')}\n${warnings.map((w) => `${w}\n`).join('')}`, undefined);
  return 0;
}

/** What a rule set holds, in a few lines: its inputs, score, groups with floors and prizes, classes, targets. */
function ruleSetSummary(ruleSet: RuleSet, roster: Rules['roster'], lang: Lang): string[] {
  const lines: string[] = [];
  const conditionText = (c: { metric?: string | undefined; input?: string | undefined; op: string; value: string }) => {
    const metric = ruleSet.metrics.find((m) => m.id === c.metric);
    const name = metric ? pick(metric.short ?? metric.label, lang) : (c.input ?? '?');
    return `${name} ${c.op} ${c.value}${metric?.kind === 'ratio' && metric.percent ? '%' : ''}`;
  };
  lines.push(`  · ${lang === 'vi' ? 'Số liệu' : 'Inputs'}: ${ruleSet.inputs.length} (${ruleSet.inputs.slice(0, 4).map((i) => i.id).join(', ')}${ruleSet.inputs.length > 4 ? ', …' : ''})`);
  if (ruleSet.score) {
    const leaves = (c: NonNullable<RuleSet['score']>['criteria']): number => (c.children ? c.children.reduce((n, x) => n + leaves(x), 0) : 1);
    lines.push(
      `  · ${lang === 'vi' ? 'Điểm' : 'Score'}: ${pick(ruleSet.score.criteria.label, lang)} (${lang === 'vi' ? 'tối đa' : 'max'} ${ruleSet.score.criteria.max}, ${leaves(ruleSet.score.criteria)} ${lang === 'vi' ? 'tiêu chí' : 'criteria'})${ruleSet.score.adjustments.length ? `, ${ruleSet.score.adjustments.map((a) => a.id).join(', ')}` : ''}`,
    );
  }
  for (const g of ruleSet.groups) {
    const floors = (g.eligibility?.conditions ?? []).map(conditionText).join(', ');
    const prizes = (g.prizes ?? []).map((p) => `${p.count} × ${pick(p.label, lang)} ${formatVnd(p.amountVnd, lang)}`).join(', ');
    const units = roster ? `, ${roster.filter((u) => u.group === g.id).length} ${lang === 'vi' ? 'đơn vị' : 'units'}` : '';
    lines.push(`  · ${pick(g.shortName, lang)} (${g.id})${units}${floors ? `: ${floors}` : ''}${prizes ? ` — ${prizes}` : ''}`);
  }
  if (ruleSet.classes) lines.push(`  · ${lang === 'vi' ? 'Xếp loại' : 'Classes'}: ${ruleSet.classes.levels.map((l) => `${pick(l.label, lang)} ≥ ${l.min}`).join(', ')}`);
  for (const t of ruleSet.targets ?? []) lines.push(`  · ${lang === 'vi' ? 'Chỉ tiêu' : 'Target'}: ${pick(t.label, lang)}`);
  return lines;
}

export function rulesUpgradeCommand(path: string, values: Values): number {
  const lang = langOf(values);
  const text = new TextDecoder().decode(readInputFile(path, { vi: 'Tệp quy tắc', en: 'Rules file' }));
  const located = locateJson(text);
  const value = located.value;
  const isCampaign = typeof value === 'object' && value !== null && 'ruleSet' in value && 'roster' in value;
  const checked = isCampaign ? checkCampaignText(text, { upgrade: true }) : checkRuleSetText(text, { upgrade: true });
  const ruleSet = 'rules' in checked ? checked.rules?.ruleSet : checked.ruleSet;
  if (!ruleSet) {
    const lines = checked.problems.map((p) => `  ✘ ${path}:${p.line}:${p.column}  ${both(p.message, lang)}`);
    throw new UserError({ vi: `${path}: không chuyển đổi được (${lines.length} lỗi)`, en: `${path}: cannot be converted (${lines.length} problem(s))` }, lines);
  }
  const converted = isCampaign ? { ...(value as Record<string, unknown>), ruleSet } : ruleSet;
  emit(`${JSON.stringify(converted, null, 2)}\n`, str(values.out));
  const note = checked.upgraded
    ? { vi: `${path}: đã chuyển bộ quy tắc phiên bản 1 sang phiên bản 2 — mọi con số, trích dẫn và cách hiểu giữ nguyên`, en: `${path}: converted the version 1 rule set to version 2 — every figure, citation and policy carried over` }
    : { vi: `${path}: đã là phiên bản 2, không cần chuyển`, en: `${path}: already version 2, nothing to convert` };
  process.stderr.write(`✔ ${both(note, lang)}\n`);
  return 0;
}

// ── bundle / verify ──────────────────────────────────────────────────────────────────────

export async function bundleCommand(path: string, values: Values): Promise<number> {
  const lang = langOf(values);
  const out = str(values.out);
  const rules = loadRules(str(values.rules), str(values.campaign), lang, 'bundle');
  const { ruleSet } = rules;
  const progress = progressFor(path, progressFlag(values));
  const stats = await loadStats(path, rules, progress);
  refuseIfIssues(stats, lang);
  progress.step({ vi: `Đang tính điểm ${stats.parsed.units.length} đơn vị`, en: `Scoring ${stats.parsed.units.length} units` });
  const bundle = await createAwardBundle(stats.parsed.units, ruleSet, { inputFileName: stats.fileName, inputBytes: stats.bytes });
  emit(`${JSON.stringify(bundle, null, 2)}\n`, out);
  if (out !== undefined) {
    const text = {
      vi: `Đã ghi ${out}: ${bundle.evaluation.units.length} đơn vị, tổng tiền thưởng ${formatVnd(bundle.evaluation.totalAwarded, 'vi')}, SHA-256 số liệu ${bundle.input.sha256}`,
      en: `wrote ${out}: ${bundle.evaluation.units.length} units, ${formatVnd(bundle.evaluation.totalAwarded, 'en')} awarded, input SHA-256 ${bundle.input.sha256}`,
    };
    process.stderr.write(`✔ ${both(text, lang)}\n`);
  }
  return 0;
}

export async function verifyCommand(path: string, values: Values): Promise<number> {
  const lang = langOf(values);
  const text = new TextDecoder().decode(readInputFile(path, { vi: 'Tệp hồ sơ kết quả', en: 'Award bundle' }));
  const located = locateJson(text);
  if (located.syntaxErrors.length > 0) {
    throw new UserError(
      { vi: `${path} không phải JSON hợp lệ`, en: `${path} is not valid JSON` },
      located.syntaxErrors.map((p) => `  ✘ ${path}:${p.line}:${p.column}  ${both(p.message, lang)}`),
    );
  }
  const statsPath = str(values.stats);
  const inputBytes = statsPath !== undefined ? readInputFile(statsPath, { vi: 'Tệp số liệu', en: 'Statistics file' }) : undefined;
  const result = await verifyAwardBundle(located.value, inputBytes ? { inputBytes } : {});
  if (result.issues.length > 0) {
    throw new UserError(
      { vi: `${path}: hồ sơ kết quả hỏng, không tính lại được`, en: `${path}: broken award bundle, cannot be recomputed` },
      result.issues.map((i) => `  ✘ ${i.path.join('.')}: ${both(i.message, lang)}`),
    );
  }
  const bundle = located.value as BundleShape;
  const lines = [verificationReport(path, bundle, result, lang)];
  // Recomputing proves the bundle is consistent; --rules also proves it used the official rules.
  const rulesSpec = str(values.rules);
  let rulesOk = true;
  if (rulesSpec !== undefined) {
    const official = loadRuleSet(rulesSpec, lang);
    const difference = firstDifference(official, bundle.ruleSet, 'ruleSet');
    rulesOk = difference === null;
    lines.push(
      difference === null
        ? `✔ ${both({ vi: `Bộ quy tắc trong hồ sơ trùng khớp với ${rulesSpec}`, en: `the bundle's rule set is exactly ${rulesSpec}` }, lang)}`
        : `✘ ${both(
            {
              vi: `Bộ quy tắc trong hồ sơ khác ${rulesSpec}: ${difference.path} — hồ sơ ghi ${show(difference.actual)}, ${rulesSpec} ghi ${show(difference.expected)}`,
              en: `the bundle's rule set differs from ${rulesSpec}: ${difference.path} — the bundle says ${show(difference.actual)}, ${rulesSpec} says ${show(difference.expected)}`,
            },
            lang,
          )}`,
    );
  }
  emit(`${lines.join('\n')}\n`, undefined);
  return result.ok && rulesOk ? 0 : 1;
}

/** The first place two JSON values differ (object keys in `expected`'s order, then extra keys). */
function firstDifference(expected: unknown, actual: unknown, path: string): { path: string; expected: unknown; actual: unknown } | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return expected.length === actual.length ? null : { path: `${path}.length`, expected: expected.length, actual: actual.length };
  }
  if (isObject(expected) && isObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const d = firstDifference(expected[key], actual[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : { path, expected, actual };
}

interface BundleShape {
  ruleSet: RuleSet;
  input: { units: unknown[]; sha256: string; fileName?: string };
  evaluation: { totalAwarded: number; units: { unitId: string; unitName: string }[] };
}

function verificationReport(path: string, bundle: BundleShape, result: AwardBundleVerification, lang: Lang): string {
  const lines: string[] = [];
  const versions =
    result.bundleLibraryVersion === result.verifierLibraryVersion
      ? `@thidua/scoring ${result.verifierLibraryVersion}`
      : `@thidua/scoring ${result.bundleLibraryVersion ?? '?'} → ${result.verifierLibraryVersion}`;
  const facts = {
    vi: `bộ quy tắc ${bundle.ruleSet.id}, ${bundle.input.units.length} đơn vị, tổng tiền thưởng ${formatVnd(bundle.evaluation.totalAwarded, 'vi')}, SHA-256 số liệu ${bundle.input.sha256}, ${versions}`,
    en: `rule set ${bundle.ruleSet.id}, ${bundle.input.units.length} units, ${formatVnd(bundle.evaluation.totalAwarded, 'en')} awarded, input SHA-256 ${bundle.input.sha256}, ${versions}`,
  };
  if (result.ok) {
    lines.push(`✔ ${both({ vi: `${path}: mọi con số khớp khi tính lại`, en: `${path}: every figure matches the recomputation` }, lang)}`);
    lines.push(`  ${pick(facts, lang)}`);
    return lines.join('\n');
  }
  const first = result.firstMismatch as BundleMismatch;
  const unit = first.unitId ? bundle.evaluation.units.find((u) => u.unitId === first.unitId) : undefined;
  const who = first.unitId ? ` (${unit?.unitName ?? first.unitId}, ${first.unitId})` : '';
  lines.push(
    `✘ ${both(
      { vi: `${path}: ${result.mismatches.length} con số không khớp`, en: `${path}: ${result.mismatches.length} figure(s) do not match` },
      lang,
    )}`,
  );
  lines.push(
    `  ${both(
      {
        vi: `Con số đầu tiên không khớp: ${first.path}${who} — hồ sơ ghi ${show(first.actual)}, tính lại được ${show(first.expected)}`,
        en: `first mismatch: ${first.path}${who} — the bundle says ${show(first.actual)}, recomputed ${show(first.expected)}`,
      },
      lang,
    )}`,
  );
  for (const m of result.mismatches.slice(1, 10)) lines.push(`  · ${m.path}: ${show(m.actual)} ≠ ${show(m.expected)}`);
  if (result.mismatches.length > 10) lines.push(`  … (+${result.mismatches.length - 10})`);
  lines.push(`  ${pick(facts, lang)}`);
  return lines.join('\n');
}

function show(value: unknown): string {
  if (value === undefined) return '(không có / absent)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
