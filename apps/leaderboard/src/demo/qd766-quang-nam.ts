import { qd766y2022, type RuleSet, type UnitInput } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import type { RosterUnit } from '../contract.js';
import type { DemoCampaign } from './demo-campaign.js';
import { hashSeed, seededRandom } from './statistics.js';

/**
 * The weekly race on the national 766 index as Quảng Nam runs it: its departments and its
 * districts, towns and cities (real names), with SYNTHETIC figures (dữ liệu minh họa — not the
 * portal's): eight weekly snapshots, each unit's shares drifting a little from week to week.
 */

/**
 * The 766 preset under the race's own title and issuing body: the rules (every formula, class and
 * citation) are the preset's; the campaign is Quảng Nam's weekly race, issued by UBND tỉnh Quảng Nam
 * (source "vietnamnet": «Quảng Nam thi đua hàng tuần nâng cao Chỉ số phục vụ người dân và doanh nghiệp»).
 */
export const quangNam766RuleSet: RuleSet = {
  ...qd766y2022,
  title: {
    vi: 'Thi đua hằng tuần nâng cao Chỉ số phục vụ người dân và doanh nghiệp (Chỉ số 766) năm 2024',
    en: 'Weekly race on the index of service to citizens and businesses (the 766 index), 2024',
  },
  authority: { vi: 'UBND tỉnh Quảng Nam', en: "Quảng Nam Provincial People's Committee" },
};

const departments: [string, string][] = [
  ['so-noi-vu', 'Sở Nội vụ'],
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-ke-hoach-dau-tu', 'Sở Kế hoạch và Đầu tư'],
  ['so-tai-chinh', 'Sở Tài chính'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-nong-nghiep-ptnt', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['so-giao-thong-van-tai', 'Sở Giao thông vận tải'],
  ['so-xay-dung', 'Sở Xây dựng'],
  ['so-tai-nguyen-moi-truong', 'Sở Tài nguyên và Môi trường'],
  ['so-thong-tin-truyen-thong', 'Sở Thông tin và Truyền thông'],
  ['so-lao-dong-tbxh', 'Sở Lao động - Thương binh và Xã hội'],
  ['so-van-hoa-the-thao-du-lich', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['so-khoa-hoc-cong-nghe', 'Sở Khoa học và Công nghệ'],
  ['so-giao-duc-dao-tao', 'Sở Giáo dục và Đào tạo'],
  ['so-y-te', 'Sở Y tế'],
  ['ban-dan-toc', 'Ban Dân tộc'],
];

const districts: [string, string][] = [
  ['tam-ky', 'Thành phố Tam Kỳ'],
  ['hoi-an', 'Thành phố Hội An'],
  ['dien-ban', 'Thị xã Điện Bàn'],
  ['nui-thanh', 'Huyện Núi Thành'],
  ['phu-ninh', 'Huyện Phú Ninh'],
  ['thang-binh', 'Huyện Thăng Bình'],
  ['que-son', 'Huyện Quế Sơn'],
  ['duy-xuyen', 'Huyện Duy Xuyên'],
  ['dai-loc', 'Huyện Đại Lộc'],
  ['nong-son', 'Huyện Nông Sơn'],
  ['hiep-duc', 'Huyện Hiệp Đức'],
  ['tien-phuoc', 'Huyện Tiên Phước'],
  ['bac-tra-my', 'Huyện Bắc Trà My'],
  ['nam-tra-my', 'Huyện Nam Trà My'],
  ['phuoc-son', 'Huyện Phước Sơn'],
  ['nam-giang', 'Huyện Nam Giang'],
  ['dong-giang', 'Huyện Đông Giang'],
  ['tay-giang', 'Huyện Tây Giang'],
];

export const quangNamRoster: RosterUnit[] = [
  ...departments.map(([id, name]) => ({ id, name, group: 'departments' })),
  ...districts.map(([id, name]) => ({ id, name, group: 'districts' })),
];

/** Eight Fridays of May and June 2024: the weekly publication dates. */
export const weeklyAsOf = ['2024-05-03', '2024-05-10', '2024-05-17', '2024-05-24', '2024-05-31', '2024-06-07', '2024-06-14', '2024-06-21'];

/** Every numerator input of the rule set with its denominator (each relation "a ≤ b"). */
const pairs: [string, string][] = qd766y2022.relations.flatMap((r) =>
  r.kind === 'compare' && r.op === '<=' && r.left.length === 1 && r.right.length === 1 ? [[r.left[0] as string, r.right[0] as string] as [string, string]] : [],
);

/**
 * One unit's figures on the 766 index for `weeks` weeks: its size, quality and trend drawn from
 * `seedKey` (two units with one key have the very same figures: a tie), each share drifting a little.
 */
export function weeklyIndexStatistics(unit: RosterUnit, weeks: number, seedKey = unit.id): UnitInput[] {
  const rnd = seededRandom(hashSeed(`qd766:${seedKey}`));
  const size = unit.group === 'districts' ? 400 + Math.floor(rnd() * 1600) : 150 + Math.floor(rnd() * 900);
  const quality = 0.6 + rnd() * 0.35;
  const trend = (rnd() - 0.35) * 0.01;
  const onlineScore = 6 + rnd() * 5;
  return Array.from({ length: weeks }, (_, week) => {
    const level = Math.min(0.995, quality + trend * week);
    const values: Record<string, number | string> = {};
    for (const [of, per] of pairs) {
      const denominator = per === 'communes' ? 8 + Math.floor(rnd() * 12) : Math.max(1, Math.round(size * (0.3 + rnd() * 0.9)));
      values[per] ??= denominator;
      const due = values[per] as number;
      values[of] = Math.min(due, Math.round(due * Math.min(1, Math.max(0, level + 0.08 * (rnd() - 0.5)))));
    }
    values.onlineServicesScore = (Math.round(Math.min(12, onlineScore + week * 0.05 + (rnd() - 0.5) * 0.4) * 100) / 100).toFixed(2);
    return { id: unit.id, name: unit.name, group: unit.group, ...values };
  });
}

export function quangNam766Campaign(): DemoCampaign {
  const series = quangNamRoster.map((u) => weeklyIndexStatistics(u, weeklyAsOf.length));
  return {
    id: 'qd766-quang-nam-2024-demo',
    ruleSet: quangNam766RuleSet,
    roster: quangNamRoster,
    sample: true,
    snapshots: weeklyAsOf.map((asOf, week) => {
      const units = series.map((s) => s[week] as UnitInput);
      return { asOf, sourceFileName: `chi-so-766-minh-hoa-${asOf}.csv`, csv: statisticsCsv(units, qd766y2022), units };
    }),
  };
}
