/**
 * @thidua/scoring — exact, explainable scoring of public-service competitions, targets and indices.
 *
 *   import { evaluate, explain, nuiThanh2023 } from '@thidua/scoring';
 *   const result = evaluate(units, nuiThanh2023);
 *   const working = explain(units[0], nuiThanh2023);
 */
export { evaluate, gapFinder, type EvaluateOptions } from './evaluate.js';
export { explain, explainer, type ExplainOptions } from './explain.js';
export { validateUnits, type UnitValidation } from './validate-units.js';
export { validateRuleSet, isVersion1, type RuleSetValidation } from './validate-rule-set.js';
export { upgradeRuleSet, fromVersion1, type RuleSetUpgrade } from './upgrade.js';
export { ScoringInputError, issueMessages, formatPath, type IssueCode } from './errors.js';
export { nuiThanh2023 } from './presets/nui-thanh-2023.js';
export { thuyThanhCchc2022 } from './presets/thuy-thanh-cchc-2022.js';
export { cuongGian2024Targets } from './presets/cuong-gian-2024-targets.js';
export { thuongLo2022TieuChi15 } from './presets/thuong-lo-2022-tieu-chi-15.js';
export { qd766y2022 } from './presets/qd766-2022.js';
export { tuyPhuoc2024 } from './presets/tuy-phuoc-2024.js';
export { presets, getPreset } from './presets/index.js';
export {
  ruleSetSchema,
  type RuleSet,
  type RuleSetInput,
  type RuleSetGroup,
  type RuleSetPrize,
  type Relation,
  type Metric,
  type Criterion,
  type LeafScore,
  type Adjustment,
  type Condition,
  type Target,
  type Move,
  type ClassLevel,
  type Source,
} from './schema/rule-set.js';
export { ruleSetV1Schema, type RuleSetV1 } from './schema/rule-set-v1.js';
export { unitSchemaFor, unitListSchemaFor, unitTextFields, type UnitInput } from './schema/units.js';
export { citationSchema, localizedTextSchema, type LocalizedText, type Citation, type RoundingMode } from './schema/common.js';
export {
  evaluationSchema,
  unitResultSchema,
  groupResultSchema,
  gapsSchema,
  explanationSchema,
  scoringIssueSchema,
  policiesSchema,
  type Evaluation,
  type UnitResult,
  type GroupResult,
  type Gaps,
  type Prize,
  type Reason,
  type Policies,
  type ScoringIssue,
  type Explanation,
  type ExplanationStep,
  type AwardedPrize,
  type UndecidedPrizes,
} from './schema/evaluation.js';
export { VERSION } from './version.js';
export { publishedFigures, publishedFigureSchema, type PublishedFigure } from './published-figures.js';
export { standingOf, standingContext, standingSchema, type Standing, type StandingContext, type TieRun } from './standing.js';
export { describeRuleSet, ruleSetDigestSchema, conditionDigestSchema, type RuleSetDigest, type ConditionDigest } from './describe.js';
export { unitsJsonSchema, ruleSetJsonSchema } from './schema/json-schema.js';
export {
  createAwardBundle,
  verifyAwardBundle,
  canonicalUnits,
  unitsSha256,
  sha256Hex,
  type AwardBundle,
  type AwardBundleInput,
  type AwardBundleOptions,
  type AwardBundlePublication,
  type AwardBundleVerification,
  type BundleMismatch,
} from './bundle.js';
