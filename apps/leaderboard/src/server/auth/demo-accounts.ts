import type { DemoCampaign } from '../../demo/index.js';
import type { Grant } from '../../contract.js';
import type { Store } from '../../store/store.js';
import { demoActor } from '../actors.js';
import { generatePassword, hashPassword } from './passwords.js';

export interface DemoAccount {
  username: string;
  displayName: string;
  password: string;
  grants: Grant[];
}

/**
 * The accounts the demo's index round is tried with (a unit officer, an appraiser), made at the
 * first start only — when the demo was just seeded — each with a password shown once, as the
 * administrator's is. An account of that name already there is left alone.
 */
export async function createDemoAccounts(store: Store, seeded: readonly DemoCampaign[], at: string): Promise<DemoAccount[]> {
  const made: DemoAccount[] = [];
  for (const a of seeded.flatMap((d) => d.accounts ?? [])) {
    if (store.accounts.findByUsername(a.username)) continue;
    const password = generatePassword();
    store.accounts.create({ ...a, passwordHash: await hashPassword(password) }, demoActor, at);
    made.push({ ...a, password });
  }
  return made;
}
