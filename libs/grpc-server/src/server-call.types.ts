import type { Metadata } from '@grpc/grpc-js';

/** One inbound unary call as a server transport hands it over: no message yet. */
export interface InboundCall {
  /** gRPC path, e.g. `/catalog.v1.CatalogService/GetProduct`. */
  readonly path: string;
  /** The caller's deadline (epoch ms) from `grpc-timeout`; undefined when it set none. */
  readonly deadline: number | undefined;
  /** The first value of an ASCII metadata key, read without building Metadata. */
  header(key: string): string | undefined;
  /** All custom metadata (`-bin` values decoded), built on first read. */
  readonly metadata: Metadata;
  /** True once the caller has cancelled (or gone) before the answer. */
  readonly cancelled: boolean;
  /** Runs `listener` if the caller cancels before the answer; returns the unsubscribe. */
  onCancel(listener: () => void): () => void;
}

/** The service and method a route serves, fixed per route. */
export interface RpcTarget {
  /** Fully qualified, e.g. `catalog.v1.CatalogService`. */
  readonly service: string;
  /** e.g. `GetProduct`. */
  readonly method: string;
}

/** One unary call as the server middleware sees it: decoded, with its target. */
export interface ServerCall {
  readonly rpc: RpcTarget;
  readonly request: unknown;
  readonly inbound: InboundCall;
}

/** Answers a call with the response message (or throws). */
export type ServerHandler = (call: ServerCall) => Promise<unknown>;

/** Server middleware in the go-kratos shape: wraps the next handler. */
export type ServerMiddleware = (next: ServerHandler) => ServerHandler;
