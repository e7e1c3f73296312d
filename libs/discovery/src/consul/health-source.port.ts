/** One answer of a blocking health read. */
export interface HealthAnswer {
  /** X-Consul-Index as sent (not yet sanitised). */
  readonly index: bigint;
  /** The JSON body, unchecked. */
  readonly body: unknown;
}

/**
 * Reads `/v1/health/service/:service?passing`, blocking while `index` is
 * current for at most `waitMs`. Rejects on transport or HTTP errors.
 */
export type HealthSource = (
  service: string,
  index: bigint,
  waitMs: number,
  signal: AbortSignal,
) => Promise<HealthAnswer>;
