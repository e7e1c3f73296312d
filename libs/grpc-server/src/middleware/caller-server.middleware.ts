import { context, trace } from '@opentelemetry/api';
import { CALLER_METADATA_KEY, subjectHash, withCaller, type InternalTokens } from '@junction/auth';
import type { ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

const untrusted = (reason: string) =>
  new StatusError(Status.UNAUTHENTICATED, `caller identity refused: ${reason}`, 'UNTRUSTED_CALLER');

/**
 * Believes the identity a call claims only when a trusted gateway signed it
 * (INTERNAL_TOKEN_SECRET): a call with a forged, expired or unverifiable
 * caller token is refused UNAUTHENTICATED before its handler runs, so no
 * service acts for someone on a caller's word. A call claiming no one runs
 * anonymous; handlers that need an identity ask `requireCaller()`.
 */
export const callerServer =
  (tokens: InternalTokens | undefined): ServerMiddleware =>
  (next) =>
  async (call) => {
    const token = call.inbound.header(CALLER_METADATA_KEY);
    if (token === undefined) return next(call);
    if (!tokens) throw untrusted('this service has no INTERNAL_TOKEN_SECRET to verify it');
    const identity = await tokens.verify(token);
    if (!identity) throw untrusted('not signed by a trusted gateway, or expired');
    const span = trace.getSpan(context.active());
    span?.setAttribute('enduser.id', subjectHash(identity.subject));
    if (identity.keyId) span?.setAttribute('junction.auth.key_id', identity.keyId);
    return context.with(withCaller(context.active(), { identity, token }), next, undefined, call);
  };
