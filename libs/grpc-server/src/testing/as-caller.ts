import { context } from '@opentelemetry/api';
import { withCaller, type Identity } from '@junction/auth';

/**
 * Runs `call` for `identity`, as callerServer runs a handler for the caller
 * a gateway signed for: what the handler's requireCaller() then answers.
 * Needs a context manager (e.g. installInMemoryTracing) to reach past an await.
 */
export const asCaller = <T>(identity: Identity, call: () => T): T =>
  context.with(withCaller(context.active(), { identity }), call);
