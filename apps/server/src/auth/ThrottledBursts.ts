/** A run of refusals for one key with no pause longer than the quiet time. */
export interface ThrottledBurst {
  key: string;
  /** What the first refusal was about (username, address, limit that refused it). */
  first: { username: string; address: string | null; reason: string };
  /** Refusals in the burst, the first included. */
  refused: number;
  /** Distinct addresses refused in the burst (counted up to 1,000). */
  addresses: number;
  startedAt: number;
  lastAt: number;
}

const MAX_ADDRESSES_COUNTED = 1_000;
const MAX_OPEN_BURSTS = 100_000;

/**
 * Groups refusals into bursts, so that a flood of refused requests writes one audit row when it
 * starts and one with its count when it ends, instead of one row per request.
 */
export class ThrottledBursts {
  readonly #open = new Map<string, ThrottledBurst & { seen: Set<string> }>();

  /** @param quietMs pause after which a burst is over */
  constructor(private readonly quietMs: number) {}

  /**
   * Counts a refusal; returns the new burst when this refusal starts one (record it now), else
   * undefined (counted into the open burst).
   */
  refused(
    key: string,
    first: ThrottledBurst["first"],
    now: number,
  ): { started: ThrottledBurst; ended?: ThrottledBurst } | undefined {
    const open = this.#open.get(key);
    if (open && now - open.lastAt < this.quietMs) {
      open.refused++;
      open.lastAt = now;
      if (first.address && open.seen.size < MAX_ADDRESSES_COUNTED) open.seen.add(first.address);
      open.addresses = open.seen.size;
      return undefined;
    }
    const ended = open ? this.#close(key) : undefined;
    const seen = new Set<string>(first.address ? [first.address] : []);
    const burst = {
      key,
      first,
      refused: 1,
      addresses: seen.size,
      startedAt: now,
      lastAt: now,
      seen,
    };
    this.#open.set(key, burst);
    if (this.#open.size > MAX_OPEN_BURSTS) {
      const oldest = this.#open.keys().next().value;
      if (oldest !== undefined) this.#open.delete(oldest);
    }
    return { started: withoutSeen(burst), ended };
  }

  /** Closes and returns the bursts quiet for the quiet time (all of them with `all`). */
  ended(now: number, all = false): ThrottledBurst[] {
    const ended: ThrottledBurst[] = [];
    for (const [key, burst] of this.#open) {
      if (all || now - burst.lastAt >= this.quietMs) ended.push(this.#close(key));
    }
    return ended;
  }

  #close(key: string): ThrottledBurst {
    const burst = this.#open.get(key);
    this.#open.delete(key);
    if (!burst) throw new Error(`No open burst ${key}`);
    return withoutSeen(burst);
  }
}

function withoutSeen(burst: ThrottledBurst & { seen: Set<string> }): ThrottledBurst {
  const { seen: _seen, ...rest } = burst;
  return rest;
}
