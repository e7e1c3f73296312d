import { Metadata } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { GrpcCallError, GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { Registry } from 'prom-client';
import { rpcClientMetrics } from './rpc-client-metrics.middleware';
import { rpcClientDuration } from './rpc.metrics';

const getProduct = (): UnaryCall => ({
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method: catalogV1.CatalogServiceDefinition.methods.getProduct,
  request: { id: '1' },
  metadata: new Metadata(),
  deadline: Date.now() + 1_000,
});

describe('rpcClientMetrics', () => {
  let registry: Registry;
  const setup = (next: (call: UnaryCall) => Promise<unknown>) => {
    registry = new Registry();
    const duration = rpcClientDuration(registry);
    return { duration, handler: rpcClientMetrics(duration)(next) };
  };
  const counts = async () =>
    (await registry.getMetricsAsJSON())
      .find((m) => m.name === 'rpc_client_call_duration_seconds')!
      .values.filter(
        (v) =>
          (v as { metricName?: string }).metricName === 'rpc_client_call_duration_seconds_count',
      )
      .map((v) => [v.labels, v.value]);

  it('times a call by upstream, service, method and OK', async () => {
    const { handler } = setup(async () => 'answer');
    await expect(handler(getProduct())).resolves.toBe('answer');
    expect(await counts()).toEqual([
      [
        {
          rpc_system: 'grpc',
          rpc_service: 'catalog.v1.CatalogService',
          rpc_method: 'GetProduct',
          peer_service: 'catalog',
          rpc_response_status_code: 'OK',
        },
        1,
      ],
    ]);
  });

  it('records a failed call with its gRPC code name and rethrows the failure', async () => {
    const failure = GrpcCallError.local(
      GrpcStatus.UNAVAILABLE,
      'paused',
      getProduct(),
      'CIRCUIT_OPEN',
    );
    const { handler } = setup(() => Promise.reject(failure));
    await expect(handler(getProduct())).rejects.toBe(failure);
    await expect(handler(getProduct())).rejects.toBe(failure);
    expect(await counts()).toEqual([
      [expect.objectContaining({ rpc_response_status_code: 'UNAVAILABLE' }), 2],
    ]);
  });

  it('records anything but a GrpcCallError as UNKNOWN', async () => {
    const { handler } = setup(() => Promise.reject(new TypeError('bug')));
    await expect(handler(getProduct())).rejects.toThrow('bug');
    expect(await counts()).toEqual([
      [expect.objectContaining({ rpc_response_status_code: 'UNKNOWN' }), 1],
    ]);
  });

  it('observes how long the call took', async () => {
    const { handler } = setup(() => new Promise((resolve) => setTimeout(resolve, 30, 'late')));
    await handler(getProduct());
    const sum = (await registry.getMetricsAsJSON())
      .find((m) => m.name === 'rpc_client_call_duration_seconds')!
      .values.find(
        (v) => (v as { metricName?: string }).metricName === 'rpc_client_call_duration_seconds_sum',
      )!.value;
    expect(sum).toBeGreaterThanOrEqual(0.025);
    expect(sum).toBeLessThan(5);
  });
});
