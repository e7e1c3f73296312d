import type { Metadata } from '@grpc/grpc-js';
import type { MethodDefinition } from '@junction/contracts';
import type { GrpcCallError } from './grpc-call.error';

/** One outgoing unary call as the middleware chain sees it. */
export interface UnaryCall {
  /** Upstream name in discovery, e.g. `catalog`. */
  readonly upstream: string;
  /** gRPC path, e.g. `/catalog.v1.CatalogService/GetProduct`. */
  readonly path: string;
  readonly method: MethodDefinition;
  readonly request: unknown;
  readonly metadata: Metadata;
  /** Asks the balancer for affinity: calls with the same key go to the same instance. */
  readonly routingKey?: string;
  /** Absolute deadline (epoch ms); the call fails with DEADLINE_EXCEEDED after it. */
  deadline: number;
  /**
   * Instances already tried for this logical call (by id). Retry sets it; the
   * invoker adds each instance it picks and avoids them while others remain.
   */
  readonly tried?: Set<string>;
  /** The caller's answer when the call fails (see the fallback middleware). */
  readonly fallback?: (error: GrpcCallError) => unknown;
}

export type UnaryHandler = (call: UnaryCall) => Promise<unknown>;

/** Middleware in the go-kratos shape: wraps the next handler. */
export type Middleware = (next: UnaryHandler) => UnaryHandler;
