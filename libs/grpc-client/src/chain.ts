import type { UnaryHandler } from './unary-call.types';

/**
 * Composes middleware declared outermost first: `chain(a, b)(call)` runs
 * a → b → call. Generic over the handler, so the server's chain is built the
 * same way as the client's.
 */
export const chain =
  <H = UnaryHandler>(...middleware: readonly ((next: H) => H)[]) =>
  (terminal: H): H =>
    middleware.reduceRight((next, wrap) => wrap(next), terminal);
