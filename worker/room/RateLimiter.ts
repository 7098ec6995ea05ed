// Per-socket token bucket: bursts pass, sustained floods are throttled, and a socket that keeps flooding is dropped.

export interface RateLimits {
  /** Sustained frames per second. */
  perSecond: number;
  /** Frames a quiet socket may send at once. */
  burst: number;
  /** Throttled frames within floodWindowMs after which the socket is closed. */
  floodFrames: number;
  floodWindowMs: number;
}

export const RATE_LIMITS: RateLimits = { perSecond: 10, burst: 30, floodFrames: 100, floodWindowMs: 60_000 };

export type Admission = "ok" | "throttled" | "flooding";

interface Bucket {
  tokens: number;
  updatedAt: number;
  throttled: number;
  windowStart: number;
}

/**
 * Buckets live in memory only: a hibernated room has no traffic to limit, and a socket that wakes it starts with a
 * full bucket, which is what a quiet socket deserves.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** When each owner was last closed for flooding. */
  private readonly flooders = new Map<string, number>();

  constructor(private readonly limits: RateLimits = RATE_LIMITS) {}

  /**
   * `owner` is who the socket belongs to: someone just closed for flooding gets no fresh burst on a new socket, so
   * reconnecting in a loop cannot buy a new allowance each time.
   */
  take(key: string, now: number, owner?: string): Admission {
    const { perSecond, burst, floodFrames, floodWindowMs } = this.limits;
    const b = this.buckets.get(key) ?? this.fresh(now, owner);
    this.buckets.set(key, b);
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.updatedAt) / 1000) * perSecond);
    b.updatedAt = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return "ok";
    }
    if (now - b.windowStart > floodWindowMs) {
      b.windowStart = now;
      b.throttled = 0;
    }
    b.throttled += 1;
    if (b.throttled < floodFrames) return "throttled";
    if (owner !== undefined) this.flooders.set(owner, now);
    return "flooding";
  }

  /**
   * A new socket's bucket: full, or empty when its owner was closed for flooding lately. Such a socket is throttled
   * from its first frame (its hello included, so it joins nobody's presence) and closed like any other flooder;
   * giving it the same patience keeps a reconnect loop slow, and each reconnect costs the room far more than a
   * throttled frame.
   */
  private fresh(now: number, owner: string | undefined): Bucket {
    const { burst, floodWindowMs } = this.limits;
    const floodedAt = owner === undefined ? undefined : this.flooders.get(owner);
    if (owner !== undefined && floodedAt !== undefined) {
      if (now - floodedAt <= floodWindowMs) return { tokens: 0, updatedAt: now, throttled: 0, windowStart: now };
      this.flooders.delete(owner);
    }
    return { tokens: burst, updatedAt: now, throttled: 0, windowStart: now };
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
