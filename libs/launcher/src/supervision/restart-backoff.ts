/** Auto-restart timing: the delay doubles with each crash in a row, up to a ceiling. */
export interface RestartBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A process that ran this long before exiting starts the count again. */
  readonly resetAfterMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoff = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
};

/** The delay before restart number `attempt` (0-based) of a run of crashes. */
export const restartDelayMs = (attempt: number, backoff: RestartBackoff): number =>
  Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** Math.min(attempt, 30));
