import type { ServiceDefinition } from '@junction/contracts';
import {
  createBalancer,
  OutlierEjection,
  type BalancerKind,
  type OutlierEjectionOptions,
  type ServiceResolver,
} from '@junction/discovery';
import { createGrpcClient } from './grpc-client.factory';
import type { GrpcClient } from './grpc-client.types';
import { createInvoker } from './invoker';
import { traceClient } from './middleware/trace-client.middleware';
import type { UnaryTransport } from './transport/unary-transport.port';
import type { Middleware } from './unary-call.types';

export interface UpstreamOptions {
  readonly upstream: string;
  readonly resolver: ServiceResolver;
  readonly transport: UnaryTransport;
  readonly defaultTimeoutMs: number;
  /** How calls spread over instances; defaults to power of two choices. */
  readonly balancer?: BalancerKind;
  /**
   * Outlier ejection and pushback settings, read at every decision so a
   * config change applies at once; every field has a default.
   */
  readonly ejection?: () => OutlierEjectionOptions;
  /** The client chain (`resilientChain` from @junction/resilience); defaults to tracing only. */
  readonly middleware?: Middleware;
}

/**
 * A typed client for one upstream: discovery, balancing, the chain, the wire.
 * The balancer and its ejections belong to this client alone.
 */
export function connectUpstream<D extends ServiceDefinition>(
  definition: D,
  options: UpstreamOptions,
): GrpcClient<D> {
  const balancer = new OutlierEjection(createBalancer(options.balancer ?? 'p2c'), {
    options: options.ejection,
  });
  const invoker = createInvoker({
    resolver: options.resolver,
    balancer,
    transport: options.transport,
  });
  const middleware = options.middleware ?? traceClient();
  return createGrpcClient(definition, {
    upstream: options.upstream,
    handler: middleware(invoker),
    defaultTimeoutMs: options.defaultTimeoutMs,
  });
}
