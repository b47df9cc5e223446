import { nuiThanh2023 } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import type { DemoCampaign } from './demo-campaign.js';
import { nuiThanhRoster } from './roster.js';
import { cumulativeStatistics, type UnitProfile } from './statistics.js';

/**
 * The demo campaign: the real Núi Thành 2023 rule set and roster with SYNTHETIC statistics
 * (dữ liệu minh họa). Seven monthly cumulative snapshots, 30/06 … 31/12/2023.
 */

export const demoCampaignId = 'nui-thanh-2023-demo';

export const demoAsOfDates = ['2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31', '2023-11-30', '2023-12-31'];

const demoSeed = 2023;

/**
 * Plausible volumes: land and social-policy departments handle most cases; the inspectorate and
 * the health office few (under the 100 online cases Nhóm 1 needs). A few units sit below the
 * online-share floors (70% departments, 65% communes). Tam Anh Bắc and Tam Anh Nam share a seed:
 * identical figures, a tie.
 */
const profiles: Record<string, UnitProfile> = {
  'van-phong-hdnd-ubnd': { monthlyCases: 45, onlineShare: 0.78, onTimeShare: 0.97, lateShare: 0.01 },
  'phong-noi-vu': { monthlyCases: 30, onlineShare: 0.74, onTimeShare: 0.99, lateShare: 0 },
  'phong-tu-phap': { monthlyCases: 70, onlineShare: 0.81, onTimeShare: 0.96, lateShare: 0.015 },
  'phong-tai-chinh-ke-hoach': { monthlyCases: 80, onlineShare: 0.86, onTimeShare: 0.95, lateShare: 0.02 },
  'phong-tai-nguyen-moi-truong': { monthlyCases: 290, onlineShare: 0.72, onTimeShare: 0.88, lateShare: 0.06 },
  'phong-lao-dong-tbxh': { monthlyCases: 140, onlineShare: 0.83, onTimeShare: 0.97, lateShare: 0.01 },
  'phong-van-hoa-thong-tin': { monthlyCases: 14, onlineShare: 0.9, onTimeShare: 1, lateShare: 0 },
  'phong-giao-duc-dao-tao': { monthlyCases: 35, onlineShare: 0.6, onTimeShare: 0.98, lateShare: 0.01 },
  'phong-y-te': { monthlyCases: 16, onlineShare: 0.8, onTimeShare: 1, lateShare: 0 },
  'phong-nong-nghiep-ptnt': { monthlyCases: 25, onlineShare: 0.77, onTimeShare: 0.96, lateShare: 0.01 },
  'phong-kinh-te-ha-tang': { monthlyCases: 110, onlineShare: 0.79, onTimeShare: 0.93, lateShare: 0.03 },
  'thanh-tra-huyen': { monthlyCases: 5, onlineShare: 0.7, onTimeShare: 1, lateShare: 0 },
  'thi-tran-nui-thanh': { monthlyCases: 620, onlineShare: 0.8, onTimeShare: 0.95, lateShare: 0.02 },
  'tam-xuan-1': { monthlyCases: 380, onlineShare: 0.76, onTimeShare: 0.97, lateShare: 0.01 },
  'tam-xuan-2': { monthlyCases: 330, onlineShare: 0.71, onTimeShare: 0.96, lateShare: 0.015 },
  'tam-tien': { monthlyCases: 260, onlineShare: 0.69, onTimeShare: 0.98, lateShare: 0.005 },
  'tam-son': { monthlyCases: 150, onlineShare: 0.6, onTimeShare: 0.97, lateShare: 0.01 },
  'tam-thanh': { monthlyCases: 210, onlineShare: 0.73, onTimeShare: 0.96, lateShare: 0.01 },
  'tam-anh-bac': { monthlyCases: 240, onlineShare: 0.75, onTimeShare: 0.97, lateShare: 0.01 },
  'tam-anh-nam': { monthlyCases: 240, onlineShare: 0.75, onTimeShare: 0.97, lateShare: 0.01, seedKey: 'tam-anh-bac' },
  'tam-hoa': { monthlyCases: 290, onlineShare: 0.82, onTimeShare: 0.94, lateShare: 0.025 },
  'tam-hiep': { monthlyCases: 420, onlineShare: 0.78, onTimeShare: 0.96, lateShare: 0.015 },
  'tam-hai': { monthlyCases: 200, onlineShare: 0.67, onTimeShare: 0.95, lateShare: 0.02 },
  'tam-giang': { monthlyCases: 310, onlineShare: 0.84, onTimeShare: 0.97, lateShare: 0.01 },
  'tam-quang': { monthlyCases: 360, onlineShare: 0.7, onTimeShare: 0.93, lateShare: 0.03 },
  'tam-nghia': { monthlyCases: 400, onlineShare: 0.74, onTimeShare: 0.96, lateShare: 0.01 },
  'tam-my-tay': { monthlyCases: 180, onlineShare: 0.63, onTimeShare: 0.97, lateShare: 0.01 },
  'tam-my-dong': { monthlyCases: 190, onlineShare: 0.72, onTimeShare: 0.98, lateShare: 0.005 },
  'tam-tra': { monthlyCases: 120, onlineShare: 0.56, onTimeShare: 0.96, lateShare: 0.02 },
};

const fallbackProfile: UnitProfile = { monthlyCases: 100, onlineShare: 0.75, onTimeShare: 0.95, lateShare: 0.02 };

/** The demo campaign with its seven snapshots, identical on every call. */
export function demoCampaign(): DemoCampaign {
  const series = cumulativeStatistics(nuiThanhRoster, (u) => profiles[u.id] ?? fallbackProfile, demoAsOfDates.length, demoSeed);
  return {
    id: demoCampaignId,
    ruleSet: nuiThanh2023,
    roster: nuiThanhRoster,
    sample: true,
    snapshots: demoAsOfDates.map((asOf, m) => {
      const units = series[m] ?? [];
      return { asOf, sourceFileName: `du-lieu-minh-hoa-${asOf}.csv`, csv: statisticsCsv(units, nuiThanh2023), units };
    }),
  };
}
