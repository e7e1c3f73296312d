/**
 * Consul's durations, turned into this run's wall clock. Against a real agent
 * CONSUL_TIME_SCALE is 1; against the dev registry it is the scale the global
 * setup started it with, which multiplies every schedule (TTLs, intervals,
 * the reaper, DeregisterCriticalServiceAfter, session timers, lock-delays and
 * blocking waits).
 */
export const TIME_SCALE = Number(process.env.CONSUL_TIME_SCALE ?? '1');

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** Wall-clock ms for `consulMs` of Consul's time. */
export const scaled = (consulMs: number): number => consulMs * TIME_SCALE;

/** Allowance for requests and scheduling on top of a wall-clock expectation. */
export const MARGIN_MS = 1000;
/** Tighter allowance for upper bounds that are the point of a test (jitter, reaping). */
export const SLACK_MS = 300;
/** Timers may fire up to a millisecond or so early by rounding; lower bounds allow this much. */
export const EARLY_MS = 5;

/** How long to wait for something Consul does within `consulMs`: 3× the scaled time plus a margin. */
export const within = (consulMs: number): number => 3 * scaled(consulMs) + MARGIN_MS;

/** A Jest timeout for a test that waits up to `within(consulMs)` (a few times over). */
export const timeoutFor = (consulMs: number, waits = 1): number =>
  waits * within(consulMs) + 10_000;

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number): number => performance.now() - start;

/**
 * Pacing for periodic actions (heartbeats, renewals) — not a way to wait for a
 * condition, which is always `waitUntil`.
 */
export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
