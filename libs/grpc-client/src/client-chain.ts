import { chain } from './chain';
import { traceClient } from './middleware/trace-client.middleware';
import type { Middleware } from './unary-call.types';

/**
 * The client middleware every upstream call goes through, declared once,
 * outermost first. Resilience (fallback, breaker, retry, deadline) slots in
 * here below the trace annotation.
 */
export const clientChain = (): Middleware => chain(traceClient());
