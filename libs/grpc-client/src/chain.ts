import type { Middleware, UnaryHandler } from './unary-call.types';

/**
 * Composes middleware declared outermost first: `chain(a, b)(call)` runs
 * a → b → call.
 */
export const chain =
  (...middleware: readonly Middleware[]): Middleware =>
  (terminal: UnaryHandler) =>
    middleware.reduceRight((next, wrap) => wrap(next), terminal);
