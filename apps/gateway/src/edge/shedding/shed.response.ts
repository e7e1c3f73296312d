import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '../problem-details';
import { TRACE_ID_HEADER } from '../trace-id.header';

/**
 * The 503 of a shed request, written from the Fastify hook (Nest's exception
 * filter is not in play yet) in the same problem+json shape as every other
 * error. Says nothing of which threshold was passed: that is for ops (metrics).
 */
export function sendShed(reply: FastifyReply, retryAfterS: number): void {
  const problem: ProblemDetails & { traceId: string } = {
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: `the gateway is overloaded; retry in ${retryAfterS} s`,
    reason: 'OVERLOADED',
    traceId: String(reply.getHeader(TRACE_ID_HEADER) ?? ''),
  };
  void reply
    .code(503)
    .header('retry-after', String(retryAfterS))
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
