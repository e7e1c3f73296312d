import { Registry, rpcServerDuration } from '@junction/metrics';
import { Status, StatusError } from '../status.error';
import { rpcServerMetrics } from './rpc-server-metrics.middleware';
import { fakeServerCall, type FakeCallOptions } from './server-call.fixture';

describe('rpcServerMetrics', () => {
  let registry: Registry;
  let measured: ReturnType<typeof rpcServerMetrics>;
  beforeEach(() => {
    registry = new Registry();
    measured = rpcServerMetrics(rpcServerDuration(registry));
  });

  /** The count of calls recorded, by method and status label. */
  const counts = async () => {
    const [family] = await registry.getMetricsAsJSON();
    return (
      family.values as { metricName?: string; labels: Record<string, string>; value: number }[]
    )
      .filter((v) => v.metricName?.endsWith('_count'))
      .map((v) => `${v.labels.rpc_method} ${v.labels.rpc_response_status_code} ${v.value}`);
  };
  const run = (outcome: () => Promise<unknown>, options?: FakeCallOptions) =>
    measured(outcome)(fakeServerCall(options)).catch(() => undefined);

  it('records each call by service, method and status', async () => {
    await run(async () => 'ok');
    await run(async () => 'ok');
    await run(async () => 'ok', { method: 'ListProducts' });
    expect(await counts()).toEqual(['GetProduct OK 2', 'ListProducts OK 1']);
    const [family] = await registry.getMetricsAsJSON();
    expect(family.name).toBe('rpc_server_call_duration_seconds');
    expect((family.values[0] as { labels: object }).labels).toMatchObject({
      rpc_system: 'grpc',
      rpc_service: 'catalog.v1.CatalogService',
    });
  });

  it('records a StatusError by its code, anything else as INTERNAL, and passes both on', async () => {
    const notFound = new StatusError(Status.NOT_FOUND, 'gone');
    await expect(measured(() => Promise.reject(notFound))(fakeServerCall())).rejects.toBe(notFound);
    await run(() => Promise.reject(new Error('bug')));
    expect(await counts()).toEqual(['GetProduct NOT_FOUND 1', 'GetProduct INTERNAL 1']);
  });

  it('records a call its caller cancelled as CANCELLED, whatever the handler did', async () => {
    await run(async () => 'too late', { cancelled: true });
    expect(await counts()).toEqual(['GetProduct CANCELLED 1']);
  });
});
