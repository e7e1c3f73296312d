import { activeCaller, CALLER_METADATA_KEY } from '@junction/auth';
import type { Middleware } from '../unary-call.types';

/**
 * Forwards the verified caller's signed token on every upstream call, so
 * the service (and whatever it calls in turn) knows whom the request is
 * for. Nothing is sent for an anonymous request: no token, no identity.
 */
export const callerClient = (): Middleware => (next) => (call) => {
  const token = activeCaller()?.token;
  if (token !== undefined) call.metadata.set(CALLER_METADATA_KEY, token);
  return next(call);
};
