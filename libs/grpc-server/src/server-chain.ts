import { chain } from '@junction/grpc-client';
import type { RpcServerLabel } from '@junction/metrics';
import type { Logger } from '@junction/telemetry';
import type { Histogram } from 'prom-client';
import { faultInjection } from './faults/fault-injection.middleware';
import type { FaultSource } from './faults/fault-source';
import { deadlineServer } from './middleware/deadline-server.middleware';
import { rpcServerMetrics } from './middleware/rpc-server-metrics.middleware';
import { statusErrors } from './middleware/status-errors.middleware';
import { traceServer } from './middleware/trace-server.middleware';
import type { ServerHandler, ServerMiddleware } from './server-call.types';

export interface ServerChainOptions {
  readonly logger: Logger;
  /** rpc_server_call_duration_seconds; calls are not timed without it. */
  readonly duration?: Histogram<RpcServerLabel>;
  /** Injected latency and errors; none without it. */
  readonly faults?: FaultSource;
  /** This instance's registry id, for faults aimed at some instances. */
  readonly instanceId?: string;
}

/**
 * Every call a service answers runs through this one chain, declared once,
 * outermost first:
 *
 *   metrics   rpc_server_call_duration_seconds of every outcome, the ones below included
 *   trace     SERVER span continuing the caller's traceparent; the rest runs inside it
 *   deadline  the caller's deadline as the request's budget; an expired one skips the handler
 *   faults    injected latency and errors (stopping at the deadline), shown on the span
 *   errors    anything but a StatusError → logged, INTERNAL without internals
 */
export const serverChain = ({
  logger,
  duration,
  faults,
  instanceId,
}: ServerChainOptions): ServerMiddleware =>
  chain<ServerHandler>(
    ...(duration ? [rpcServerMetrics(duration)] : []),
    traceServer(),
    deadlineServer(),
    ...(faults ? [faultInjection({ faults, instanceId })] : []),
    statusErrors(logger),
  );
