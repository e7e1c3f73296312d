import { chain } from '@junction/grpc-client';
import type { RpcServerLabel } from '@junction/metrics';
import type { InternalTokens } from '@junction/auth';
import type { Logger } from '@junction/telemetry';
import type { Histogram } from 'prom-client';
import { faultInjection } from './faults/fault-injection.middleware';
import type { FaultSource } from './faults/fault-source';
import { callerServer } from './middleware/caller-server.middleware';
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
  /** Verifies the gateway-signed caller identity; without it, a call claiming one is refused. */
  readonly callerTokens?: InternalTokens;
}

/**
 * Every call a service answers runs through this one chain, declared once,
 * outermost first:
 *
 *   metrics   rpc_server_call_duration_seconds of every outcome, the ones below included
 *   trace     SERVER span continuing the caller's traceparent; the rest runs inside it
 *   deadline  the caller's deadline as the request's budget; an expired one skips the handler
 *   caller    the gateway-signed identity verified (UNAUTHENTICATED if forged), for requireCaller()
 *   faults    injected latency and errors (stopping at the deadline), shown on the span
 *   errors    anything but a StatusError → logged, INTERNAL without internals
 */
export const serverChain = ({
  logger,
  duration,
  faults,
  instanceId,
  callerTokens,
}: ServerChainOptions): ServerMiddleware =>
  chain<ServerHandler>(
    ...(duration ? [rpcServerMetrics(duration)] : []),
    traceServer(),
    deadlineServer(),
    callerServer(callerTokens),
    ...(faults ? [faultInjection({ faults, instanceId })] : []),
    statusErrors(logger),
  );
