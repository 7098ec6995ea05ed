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

  constructor(private readonly limits: RateLimits = RATE_LIMITS) {}

  take(key: string, now: number): Admission {
    const { perSecond, burst, floodFrames, floodWindowMs } = this.limits;
    const b = this.buckets.get(key) ?? { tokens: burst, updatedAt: now, throttled: 0, windowStart: now };
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
    return b.throttled >= floodFrames ? "flooding" : "throttled";
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
