import { LRUCache } from 'lru-cache';

/**
 * Failed sign-ins per client address, across every route: wrong passwords, wrong or revoked tokens.
 * After `max` failures in a window, the address is refused (429) until the window ends — even with
 * the right password, or the limit would still let an attacker test guesses. Sessions already
 * signed in keep working (colleagues behind the same office address are not locked out). Bounded
 * memory: the least recently seen addresses are forgotten first.
 */
export class FailedAttempts {
  private readonly counts: LRUCache<string, { n: number; since: number }>;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = new LRUCache({ max: 50_000, ttl: windowMs, ttlAutopurge: false });
  }

  private entry(address: string) {
    const e = this.counts.get(address);
    if (e && this.now() - e.since >= this.windowMs) {
      this.counts.delete(address);
      return undefined;
    }
    return e;
  }

  /** Seconds until the address may try again; 0 when it may now. */
  blockedFor(address: string): number {
    const e = this.entry(address);
    if (!e || e.n < this.max) return 0;
    return Math.max(1, Math.ceil((e.since + this.windowMs - this.now()) / 1000));
  }

  fail(address: string): void {
    const e = this.entry(address);
    if (e) e.n++;
    else this.counts.set(address, { n: 1, since: this.now() });
  }
}
