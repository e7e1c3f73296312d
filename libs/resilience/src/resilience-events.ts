import type { GrpcCallError, UnaryCall } from '@junction/grpc-client';

export type BreakerState = 'closed' | 'half-open' | 'open';

/** Why the client failed a call without it reaching the upstream. */
export type RejectionCause = 'breaker-open' | 'bulkhead-full' | 'budget-spent';

/**
 * What the policies report, for logs and metrics. The core knows no metrics
 * library: the app binds these to its counters.
 */
export interface ResilienceEvents {
  breakerStateChanged?(upstream: string, method: string, state: BreakerState): void;
  rejected?(call: UnaryCall, cause: RejectionCause): void;
  retried?(call: UnaryCall, attempt: number, error: GrpcCallError): void;
  retryBudgetExhausted?(call: UnaryCall): void;
  fellBack?(call: UnaryCall, error: GrpcCallError): void;
}
