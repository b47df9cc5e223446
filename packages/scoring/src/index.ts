/**
 * @thidua/scoring — exact, explainable scoring of public-service competitions.
 *
 *   import { evaluate, nuiThanh2023 } from '@thidua/scoring';
 *   const result = evaluate(units, nuiThanh2023);
 */
export { evaluate } from './evaluate.js';
export { validateUnits, type UnitValidation } from './validate.js';
export { validateRuleSet, type RuleSetValidation } from './validate-rule-set.js';
export { ScoringInputError, issueMessages, formatPath, type IssueCode } from './errors.js';
export { nuiThanh2023 } from './presets/nui-thanh-2023.js';
export { presets, getPreset } from './presets/index.js';
export { ruleSetSchema, type RuleSet, type RuleSetGroup, type RuleSetPrize, type CoefficientBracket } from './schema/rule-set.js';
export { unitSchema, unitListSchema } from './schema/units.js';
export { unitsJsonSchema, ruleSetJsonSchema } from './schema/json-schema.js';
export { VERSION } from './version.js';
export type * from './types.js';
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
export { cuongGian2024Example } from './presets/cuong-gian-2024-example.js';
