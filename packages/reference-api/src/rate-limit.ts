/**
 * Sliding-window counters per key (a client address, a dossier code). Memory only: limits reset on restart,
 * which is acceptable for a single reference server; a fleet would share them in its gateway.
 */
export interface RateLimiter {
  /** Records a hit; returns 0 when allowed, else the seconds until the oldest hit leaves the window. */
  hit(key: string, nowMs: number): number;
  /** Like `hit` but only looks: whether the key is currently over its limit. */
  blockedFor(key: string, nowMs: number): number;
}

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;

  const recent = (key: string, nowMs: number): number[] => {
    // Forget idle keys now and then, so a scan over many addresses or codes cannot grow memory without bound.
    if (nowMs - lastSweep > windowMs) {
      lastSweep = nowMs;
      for (const [other, times] of hits) if ((times.at(-1) ?? 0) <= nowMs - windowMs) hits.delete(other);
    }
    const times = (hits.get(key) ?? []).filter((at) => at > nowMs - windowMs);
    hits.set(key, times);
    return times;
  };

  const retryAfter = (times: number[], nowMs: number): number =>
    Math.max(1, Math.ceil(((times[0] ?? nowMs) + windowMs - nowMs) / 1000));

  return {
    hit(key, nowMs) {
      const times = recent(key, nowMs);
      if (times.length >= limit) return retryAfter(times, nowMs);
      times.push(nowMs);
      return 0;
    },
    blockedFor(key, nowMs) {
      const times = recent(key, nowMs);
      return times.length >= limit ? retryAfter(times, nowMs) : 0;
    },
  };
}
