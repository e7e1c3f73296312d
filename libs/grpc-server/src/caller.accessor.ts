import { activeCaller, principalOf, type Identity } from '@junction/auth';
import { Status, StatusError } from './status.error';

/** Whom the call in progress is for, when a trusted gateway said so; undefined for anonymous calls. */
export const callerIdentity = (): Identity | undefined => activeCaller()?.identity;

/**
 * The verified caller of the call in progress, for handlers that act for
 * someone (an order belongs to whoever placed it). UNAUTHENTICATED without
 * one: reached directly, or through a gateway that was not given the
 * INTERNAL_TOKEN_SECRET this service verifies with.
 */
export function requireCaller(): Identity & { readonly principal: string } {
  const identity = callerIdentity();
  if (!identity) {
    throw new StatusError(
      Status.UNAUTHENTICATED,
      'this call needs the identity of its caller, signed by the gateway',
      'CALLER_REQUIRED',
    );
  }
  return { ...identity, principal: principalOf(identity) };
}
