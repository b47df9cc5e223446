import { thuyThanhCchc2022, type UnitInput } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import units from '../../../../docs/examples/thuy-thanh-cchc-2022.json' with { type: 'json' };
import type { DemoCampaign } from './demo-campaign.js';

/**
 * The Thủy Thanh CCHC 2022 scorecard with the document's REAL figures: the appraised points and
 * the assessors' comments of Xã Thủy Thanh as `context/thuy-thanh-2023-chi-so-cchc.vi.txt` gives
 * them (transcribed in docs/examples/thuy-thanh-cchc-2022.json). Not sample data.
 */
export function thuyThanhCampaign(): DemoCampaign {
  const list = units as UnitInput[];
  return {
    id: 'thuy-thanh-cchc-2022',
    ruleSet: thuyThanhCchc2022,
    roster: list.map((u) => ({ id: u.id, name: u.name, group: u.group })),
    sample: false,
    // The document that states the appraised result — a plan, not an award decision (the scorecard
    // awards no prizes): Kế hoạch 69/KH-UBND of 12/12/2022, signed for the commune's People's Committee.
    final: { kind: 'Kế hoạch', number: '69/KH-UBND', date: '2022-12-12', signerName: 'Đặng Văn Hiệp', signerTitle: 'KT. Chủ tịch — Phó Chủ tịch UBND xã Thủy Thanh' },
    snapshots: [{ asOf: '2022-12-31', sourceFileName: 'thuy-thanh-cchc-2022-tham-dinh.csv', csv: statisticsCsv(list, thuyThanhCchc2022), units: list }],
  };
}
