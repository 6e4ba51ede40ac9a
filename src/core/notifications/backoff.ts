/**
 * Retries of failed deliveries: exponential backoff with full jitter (a uniformly random delay up to
 * an exponentially growing cap), so a receiver that was down is not hit by every retry at once when
 * it comes back. Randomness is injected.
 */

export interface BackoffPolicy {
  /** Cap of the first retry's delay. */
  baseMs: number;
  /** Cap of any delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({ baseMs: 30_000, maxMs: 3_600_000 });

/** Attempts in all, the first included; after the eighth failure a delivery is given up. */
export const MAX_ATTEMPTS = 8;

/**
 * Delay before retry number `attempt` (1 = the first retry): uniform in [0, min(maxMs, baseMs·2^(attempt−1))).
 *
 * @example retryDelayMs(3, () => 0.5) // 60 000: half of the 120 000 ms cap
 */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a whole number from 1, got ${attempt}`);
  }
  // 2^(attempt−1) overflows to Infinity for huge attempts; min() keeps the cap finite.
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const draw = random();
  // A source that strays outside [0, 1) must not produce a negative delay or one past the cap.
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(unit * cap);
}

export type NextAttempt = { kind: 'retry'; atMs: number } | { kind: 'give_up' };

/**
 * What to do after a retryable failure, given how many attempts have been made (the failed one
 * included): retry later, or give up once `MAX_ATTEMPTS` have failed.
 *
 * @example nextAttempt({ attempts: 1, nowMs, random: Math.random }) // { kind: 'retry', atMs: nowMs + 0..30 s }
 */
export function nextAttempt(input: { attempts: number; nowMs: number; random: () => number }): NextAttempt {
  if (input.attempts >= MAX_ATTEMPTS) return { kind: 'give_up' };
  return { kind: 'retry', atMs: input.nowMs + retryDelayMs(input.attempts, input.random) };
}
