/**
 * @thidua/stats-io — the statistics sheet (bảng số liệu) in and out: CSV/XLSX uploads with
 * Vietnamese titles or keys, the blank template, and the award and ranking exports. Node only.
 */
export { parseStatsFile, type ParsedStats, type ParseOptions, type RosterEntry, type SheetIssue } from './parse.js';
export { columnsFor, columnMatcher, groupIdFor, snakeCase, type StatsColumn } from './columns.js';
export { statisticsCsv, templateCsv, templateXlsx, dataSheetName, guideSheetName, type TemplateOptions } from './template.js';
export {
  awardsCsv,
  awardsXlsx,
  rankingCsv,
  rankingXlsx,
  sampleMarker,
  statusBanner,
  statusLabel,
  type CsvOptions,
  type ExportMeta,
} from './exports.js';
export { scorecardXlsx } from './scorecard-export.js';
export { formatDateVi, neutraliseCell, textProblem, type TextProblem, type TextProblemKind } from './text.js';
export type { CsvDialect } from './sheet-writing.js';
export { sheetMessages, type SheetCode } from './messages.js';
export { readCount, readPoints, type CountReading, type PointsReading } from './numbers.js';
export { campaignIdPattern, checkCampaignText, checkRuleSetText, parseUnitsJson, type CampaignFile } from './rule-files.js';
export { defaultJsonLimits, locateJson, issuesByPath, formatJsonPath, type JsonLimits, type LocatedJson, type PlacedProblem } from './json-position.js';
export { checkRoster, matchRoster, parseRosterFile, unitIdPattern, type ParsedRoster, type RosterMismatch, type RosterProblem } from './roster.js';
export { defaultReadLimits, type ReadLimits } from './limits.js';
export { parseAccountsFile, accountSheetColumns, type AccountSheetRow } from './accounts-sheet.js';
