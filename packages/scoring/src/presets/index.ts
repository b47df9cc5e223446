import type { RuleSet } from '../schema/rule-set.js';
import { nuiThanh2023 } from './nui-thanh-2023.js';
import { cuongGian2024Example } from './cuong-gian-2024-example.js';

/** Every rule set that ships with the library, by id. */
export const presets: Readonly<Record<string, RuleSet>> = {
  [nuiThanh2023.id]: nuiThanh2023,
  [cuongGian2024Example.id]: cuongGian2024Example,
};

export function getPreset(id: string): RuleSet | undefined {
  return presets[id];
}
