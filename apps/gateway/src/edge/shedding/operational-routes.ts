/**
 * Routes that answer for the gateway itself, not for clients: an orchestrator
 * probing health or Prometheus scraping during an overload must still get an
 * answer, so these are never shed nor rate limited.
 */
export const OPERATIONAL_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);
