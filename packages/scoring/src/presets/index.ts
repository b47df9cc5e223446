import type { RuleSet } from '../schema/rule-set.js';
import { cuongGian2024Targets } from './cuong-gian-2024-targets.js';
import { nuiThanh2023 } from './nui-thanh-2023.js';
import { qd766y2022 } from './qd766-2022.js';
import { thuongLo2022TieuChi15 } from './thuong-lo-2022-tieu-chi-15.js';
import { thuyThanhCchc2022 } from './thuy-thanh-cchc-2022.js';
import { tuyPhuoc2024 } from './tuy-phuoc-2024.js';

/** Every rule set that ships with the library, by id: one of each shape of plan. */
export const presets: Readonly<Record<string, RuleSet>> = {
  [nuiThanh2023.id]: nuiThanh2023,
  [thuyThanhCchc2022.id]: thuyThanhCchc2022,
  [cuongGian2024Targets.id]: cuongGian2024Targets,
  [thuongLo2022TieuChi15.id]: thuongLo2022TieuChi15,
  [qd766y2022.id]: qd766y2022,
  [tuyPhuoc2024.id]: tuyPhuoc2024,
};

export function getPreset(id: string): RuleSet | undefined {
  return Object.hasOwn(presets, id) ? presets[id] : undefined;
}
