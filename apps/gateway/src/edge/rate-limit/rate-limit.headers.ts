import type { FastifyReply } from 'fastify';
import type { RateLimitDecision } from './route-rate-limiters';

/**
 * The RateLimit-Limit / -Remaining / -Reset fields (IETF httpapi draft, the
 * widely deployed separate-field form; Reset in seconds) on every answer of a
 * limited route, and Retry-After (whole seconds, at least 1) on a refusal.
 */
export function setRateLimitHeaders(reply: FastifyReply, decision: RateLimitDecision): void {
  void reply.header('RateLimit-Limit', String(decision.limit));
  void reply.header('RateLimit-Remaining', String(decision.remaining));
  void reply.header('RateLimit-Reset', String(decision.resetS));
  if (!decision.allowed) void reply.header('Retry-After', String(Math.max(1, decision.resetS)));
}
