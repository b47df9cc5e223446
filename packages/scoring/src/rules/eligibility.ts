import { ratio, shareAtLeast, toFixed } from '../decimal.js';
import type { RuleSetGroup } from '../schema/rule-set.js';
import type { IneligibilityReason } from '../types.js';
import type { Counts } from './counts.js';

/**
 * Tiêu chí để làm căn cứ trao giải — who may be ranked and awarded.
 *
 * "Tỷ lệ hồ sơ … giải quyết bằng DVC trực tuyến toàn trình, một phần của các xã, thị trấn tối
 * thiểu đạt 65% so với tổng số hồ sơ … đã giải quyết. Tỷ lệ … của các cơ quan chuyên môn thuộc
 * UBND huyện tối thiểu đạt 70% … và đạt từ 100 hồ sơ … trở lên được giải quyết bằng DVC trực
 * tuyến toàn trình, một phần." (III.1)
 *
 * "Tối thiểu đạt 65%" means at least: exactly 65.00% qualifies. Compared as integers
 * (100·O ≥ 65·R), never as floats. A unit with no cases (R = 0) has no share and is not eligible.
 */
export function eligibilityReasons(c: Counts, group: RuleSetGroup): IneligibilityReason[] {
  const rule = group.eligibility;
  if (c.R === 0) {
    return [
      {
        code: 'no-cases',
        message: { vi: 'Không có hồ sơ nào được giải quyết', en: 'No cases resolved' },
        citation: rule.citation,
      },
    ];
  }
  const belowShare = shareAtLeast(c.O, c.R, rule.minOnlineSharePercent) ? null : shareReason(c, group);
  const belowCount = c.O < rule.minResolvedOnline ? countReason(c, group) : null;
  // Arrays of their exact length: a national roster keeps one per unit.
  if (belowShare && belowCount) return [belowShare, belowCount];
  if (belowShare) return [belowShare];
  if (belowCount) return [belowCount];
  return [];
}

function shareReason(c: Counts, group: RuleSetGroup): IneligibilityReason {
  const rule = group.eligibility;
  const floorVi = formatPercentFloor(rule.minOnlineSharePercent, ',');
  const floorEn = formatPercentFloor(rule.minOnlineSharePercent, '.');
  const share = onlineShareDown(c);
  return {
    code: 'online-share-below-floor',
    message: {
      vi: `Tỷ lệ trực tuyến ${share.replace('.', ',')}% < ${floorVi}%`,
      en: `Online share ${share}% < ${floorEn}%`,
    },
    citation: rule.citation,
  };
}

function countReason(c: Counts, group: RuleSetGroup): IneligibilityReason {
  const rule = group.eligibility;
  return {
    code: 'online-cases-below-minimum',
    message: {
      vi: `Số hồ sơ trực tuyến ${c.O} < ${rule.minResolvedOnline}`,
      en: `Online cases ${c.O} < ${rule.minResolvedOnline}`,
    },
    citation: rule.citation,
  };
}

/**
 * O / R × 100 with 2 decimals, rounded DOWN: a unit just under a floor (64.999%) must never be
 * shown as meeting it ("65.00% < 65%").
 */
export function onlineShareDown(c: Counts): string {
  return toFixed(ratio(c.O, c.R, 100), 2, 'down');
}

function formatPercentFloor(percent: string, separator: string): string {
  return percent.replace('.', separator);
}
