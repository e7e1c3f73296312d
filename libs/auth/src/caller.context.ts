import { context, createContextKey, type Context } from '@opentelemetry/api';
import type { Identity } from './identity';

/** Who a request is for, as it travels from the gateway through every service. */
export interface Caller {
  readonly identity: Identity;
  /** The gateway-signed token proving it, forwarded unchanged on every onward call. */
  readonly token?: string;
}

/**
 * The gRPC metadata key carrying the caller's internal token. Its value is
 * a signed token, never a raw credential: a service believes an identity
 * only once it has verified the gateway's signature.
 */
export const CALLER_METADATA_KEY = 'x-junction-caller';

/**
 * The caller travels in the active OpenTelemetry context, as the deadline
 * budget does: AsyncLocalStorage carries it to every call the handler makes.
 */
const CALLER = createContextKey('junction.caller');

export const withCaller = (parent: Context, caller: Caller): Context =>
  parent.setValue(CALLER, caller);

/** The caller of the request in progress, if it has a verified one. */
export const activeCaller = (): Caller | undefined =>
  context.active().getValue(CALLER) as Caller | undefined;

/**
 * The owner an identity's data is kept under: its kind and subject, so an
 * API key's owner named like an identity provider's subject is someone else.
 */
export const principalOf = (identity: Identity): string => `${identity.kind}:${identity.subject}`;
