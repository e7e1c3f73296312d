import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemView } from './problem.view';

const seconds = (description: string) => ({ description, schema: { type: 'integer' as const } });

/**
 * The answers every API route may give besides its own, documented once:
 * the edge's rate limit and load shedding, and the upstream policies.
 */
export const EdgeResponses = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-API-Key',
      required: false,
      description:
        'An API key (or send it as Authorization: Bearer). Rate limits count per verified key or token subject, else per client IP.',
    }),
    ApiResponse({
      status: 429,
      type: ProblemView,
      description:
        'Rate limited. Every answer of a limited route carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.',
      headers: {
        'Retry-After': seconds('Seconds until the limit resets'),
        'RateLimit-Limit': seconds('Requests allowed per window'),
        'RateLimit-Remaining': seconds('Requests left in this window'),
        'RateLimit-Reset': seconds('Seconds until the window resets'),
      },
    }),
    ApiResponse({
      status: 503,
      type: ProblemView,
      description:
        'Overloaded (shed before any work) or an essential upstream unavailable (breaker open, no instances)',
      headers: { 'Retry-After': seconds('Seconds to wait before trying again') },
    }),
    ApiResponse({
      status: 504,
      type: ProblemView,
      description: "The request's time budget ran out before an essential upstream answered",
    }),
  );
