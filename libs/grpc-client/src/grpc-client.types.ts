import type { Metadata } from '@grpc/grpc-js';
import type { GrpcCallError } from './grpc-call.error';
import type { RequestOf, ResponseOf, ServiceDefinition } from '@junction/contracts';

export interface CallOptions<R = unknown> {
  /** Overrides the client's default timeout for this call. */
  readonly timeoutMs?: number;
  /** Extra metadata sent with the call. */
  readonly metadata?: Metadata;
  /**
   * Same key, same instance, for balancers that keep affinity (consistent
   * hashing), e.g. a product id so its data stays warm in one instance's cache.
   */
  readonly routingKey?: string;
  /**
   * The answer to give instead of failing (e.g. a cached copy), for failures
   * of the upstream; business answers such as NOT_FOUND still reject.
   */
  readonly fallback?: (error: GrpcCallError) => R | Promise<R>;
}

/** A promise-returning client typed from a generated service definition. */
export type GrpcClient<D extends ServiceDefinition> = {
  readonly [K in keyof D['methods']]: (
    request: RequestOf<D['methods'][K]>,
    options?: CallOptions<ResponseOf<D['methods'][K]>>,
  ) => Promise<ResponseOf<D['methods'][K]>>;
};
