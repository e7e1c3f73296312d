import { Metadata } from '@grpc/grpc-js';
import type { ServiceDefinition } from '@junction/contracts';
import type { CallOptions, GrpcClient } from './grpc-client.types';
import type { UnaryHandler } from './unary-call.types';

export interface GrpcClientOptions {
  /** Upstream name in discovery, e.g. `catalog`. */
  readonly upstream: string;
  /** The chain with the invoker at its end: `chain(...)(createInvoker(...))`. */
  readonly handler: UnaryHandler;
  /** Deadline for calls that name none. */
  readonly defaultTimeoutMs: number;
}

/**
 * Builds a typed client for a generated service definition. Methods are
 * prepared once; a call allocates only its own call object.
 */
export function createGrpcClient<D extends ServiceDefinition>(
  definition: D,
  { upstream, handler, defaultTimeoutMs }: GrpcClientOptions,
): GrpcClient<D> {
  const client: Record<string, unknown> = {};
  for (const [key, method] of Object.entries(definition.methods)) {
    if (method.requestStream || method.responseStream) continue;
    const path = `/${definition.fullName}/${method.name}`;
    client[key] = (request: unknown, options?: CallOptions) =>
      handler({
        upstream,
        path,
        method,
        request,
        metadata: options?.metadata?.clone() ?? new Metadata(),
        routingKey: options?.routingKey,
        fallback: options?.fallback,
        deadline: Date.now() + (options?.timeoutMs ?? defaultTimeoutMs),
      });
  }
  return client as GrpcClient<D>;
}
