import type { DemoCampaign } from './demo-campaign.js';
import { demoCampaign } from './nui-thanh-2023.js';
import { quangNam766Campaign } from './qd766-quang-nam.js';
import { thuyThanhCampaign } from './thuy-thanh-cchc-2022.js';
import { cchcRoundSample } from './cchc-round-sample.js';

export type { DemoCampaign, DemoSnapshot } from './demo-campaign.js';

/**
 * What the server seeds into an empty database when no campaign file is given: Núi Thành 2023
 * (its real rules and roster, synthetic monthly statistics — the default campaign), Quảng Nam's
 * weekly 766-index race (synthetic), and the Thủy Thanh CCHC 2022 scorecard (the document's real
 * figures), and a synthetic CCHC round of ten communes in its self-assessment phase, with accounts
 * to try it (issue 15). Identical on every call.
 */
export function demoCampaigns(): DemoCampaign[] {
  return [demoCampaign(), quangNam766Campaign(), thuyThanhCampaign(), cchcRoundSample()];
}
