import type { RuleSet } from '../schema/rule-set.js';
import { nuiThanh2023 } from './nui-thanh-2023.js';

/** Every rule set that ships with the library, by id. */
export const presets: Readonly<Record<string, RuleSet>> = {
  [nuiThanh2023.id]: nuiThanh2023,
};

export function getPreset(id: string): RuleSet | undefined {
  return Object.hasOwn(presets, id) ? presets[id] : undefined;
}
