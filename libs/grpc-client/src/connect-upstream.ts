import type { ServiceDefinition } from '@junction/contracts';
import { RoundRobinBalancer, type Balancer, type ServiceResolver } from '@junction/discovery';
import { clientChain } from './client-chain';
import { createGrpcClient } from './grpc-client.factory';
import type { GrpcClient } from './grpc-client.types';
import { createInvoker } from './invoker';
import type { UnaryTransport } from './transport/unary-transport.port';
import type { Middleware } from './unary-call.types';

export interface UpstreamOptions {
  readonly upstream: string;
  readonly resolver: ServiceResolver;
  readonly transport: UnaryTransport;
  readonly defaultTimeoutMs: number;
  /** Defaults to round robin, one balancer per upstream. */
  readonly balancer?: Balancer;
  /** Defaults to the platform's client chain. */
  readonly middleware?: Middleware;
}

/** A typed client for one upstream: discovery, balancing, the chain, the wire. */
export function connectUpstream<D extends ServiceDefinition>(
  definition: D,
  options: UpstreamOptions,
): GrpcClient<D> {
  const invoker = createInvoker({
    resolver: options.resolver,
    balancer: options.balancer ?? new RoundRobinBalancer(),
    transport: options.transport,
  });
  const middleware = options.middleware ?? clientChain();
  return createGrpcClient(definition, {
    upstream: options.upstream,
    handler: middleware(invoker),
    defaultTimeoutMs: options.defaultTimeoutMs,
  });
}
