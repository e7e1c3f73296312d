import type { Identity } from '@junction/auth';
import type { FastifyRequest } from 'fastify';

/**
 * Who a request was verified to be, as the rate limiter asks it. Provided
 * by authentication (its hook has run by the time the guard does); an
 * abstract class so Nest can inject it without the limiter knowing how.
 */
export abstract class RequestIdentities {
  abstract identityOf(request: FastifyRequest): Identity | undefined;
}
