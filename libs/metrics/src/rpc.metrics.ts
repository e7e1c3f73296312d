import { Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS_S } from './duration-buckets';

const RPC_LABELS = ['rpc_system', 'rpc_service', 'rpc_method', 'rpc_response_status_code'] as const;

export type RpcServerLabel = (typeof RPC_LABELS)[number];
export type RpcClientLabel = RpcServerLabel | 'peer_service';

/**
 * RED of the calls a service answers (OpenTelemetry's rpc.server.call.duration):
 * one sample per call, status as the gRPC code name (OK, NOT_FOUND, …).
 */
export const rpcServerDuration = (registry: Registry): Histogram<RpcServerLabel> =>
  new Histogram({
    name: 'rpc_server_call_duration_seconds',
    help: 'Duration of gRPC calls this process answered, by service, method and status',
    labelNames: RPC_LABELS,
    buckets: [...DURATION_BUCKETS_S],
    registers: [registry],
  });

/**
 * RED of the calls a process makes to another (rpc.client.call.duration):
 * one sample per logical call, retries included, peer_service the upstream's
 * registry name.
 */
export const rpcClientDuration = (registry: Registry): Histogram<RpcClientLabel> =>
  new Histogram({
    name: 'rpc_client_call_duration_seconds',
    help: 'Duration of gRPC calls this process made, by upstream, method and status',
    labelNames: [...RPC_LABELS, 'peer_service'],
    buckets: [...DURATION_BUCKETS_S],
    registers: [registry],
  });
