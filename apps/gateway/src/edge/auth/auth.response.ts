import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '../problem-details';
import { TRACE_ID_HEADER } from '../trace-id.header';

export type AuthRefusal =
  | { readonly status: 401; readonly tokenSent: boolean }
  | { readonly status: 403 }
  | { readonly status: 429; readonly retryAfterS: number };

/**
 * The refusals of the authentication hook, written from the hook (Nest's
 * filter is not in play yet) as problem+json like every other error. They
 * say nothing of why a credential failed: unknown, revoked, expired and
 * forged all read the same to the caller (the reason goes to metrics).
 */
export function sendAuthRefusal(reply: FastifyReply, refusal: AuthRefusal): void {
  const base = { type: 'about:blank', traceId: String(reply.getHeader(TRACE_ID_HEADER) ?? '') };
  let problem: ProblemDetails;
  if (refusal.status === 401) {
    problem = {
      title: 'Unauthorized',
      status: 401,
      detail: refusal.tokenSent
        ? 'the credential is not valid'
        : 'this route needs a credential: Authorization: Bearer <API key or token>, or X-API-Key',
      reason: refusal.tokenSent ? 'INVALID_CREDENTIAL' : 'CREDENTIAL_REQUIRED',
      ...base,
    };
    void reply.header(
      'www-authenticate',
      refusal.tokenSent ? 'Bearer error="invalid_token"' : 'Bearer',
    );
  } else if (refusal.status === 403) {
    problem = {
      title: 'Forbidden',
      status: 403,
      detail: 'the credential does not allow this route',
      reason: 'INSUFFICIENT_SCOPE',
      ...base,
    };
  } else {
    problem = {
      title: 'Too Many Requests',
      status: 429,
      detail: `too many refused credentials from this client; retry in ${refusal.retryAfterS} s`,
      reason: 'AUTH_FAILURES_LIMITED',
      ...base,
    };
    void reply.header('retry-after', String(refusal.retryAfterS));
  }
  void reply
    .code(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
