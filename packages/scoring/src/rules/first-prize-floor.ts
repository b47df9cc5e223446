import { shareAtLeast } from '../decimal.js';
import type { RuleSetPrize } from '../schema/rule-set.js';
import type { Counts } from './counts.js';

/**
 * Điều kiện riêng của giải nhất — a prize's own floor.
 *
 * "* Đối với đơn vị đạt giải nhất: Ngoài các tiêu chí trên, tỷ lệ hồ sơ thủ tục hành chính giải
 * quyết bằng DVC trực tuyến toàn trình, một phần tối thiểu đạt 70% so với tổng số hồ sơ thủ tục
 * hành chính đã giải quyết." (III.1)
 *
 * Any prize may carry such a floor (`minOnlineSharePercent`); Núi Thành puts one on the first prize.
 */
export function meetsPrizeFloor(c: Counts, prize: RuleSetPrize): boolean {
  if (prize.minOnlineSharePercent === undefined) return true;
  return c.R > 0 && shareAtLeast(c.O, c.R, prize.minOnlineSharePercent);
}
