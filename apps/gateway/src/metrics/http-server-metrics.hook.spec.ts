import { GatewayEdgeMetrics, Registry } from '@junction/metrics';
import fastify, { type FastifyInstance } from 'fastify';
import { registerHttpServerMetrics } from './http-server-metrics.hook';

describe('HTTP server metrics', () => {
  let app: FastifyInstance;
  let registry: Registry;

  const counts = async () =>
    (await registry.getMetricsAsJSON())
      .find((m) => m.name === 'http_server_request_duration_seconds')!
      .values.filter(
        (v) =>
          (v as { metricName?: string }).metricName ===
          'http_server_request_duration_seconds_count',
      )
      .map((v) => [v.labels, v.value]);

  beforeEach(async () => {
    registry = new Registry();
    app = fastify();
    registerHttpServerMetrics(app, new GatewayEdgeMetrics(registry).requestDuration);
    app.get('/api/v1/products/:id', async (request, reply) =>
      (request.params as { id: string }).id === 'gone'
        ? reply.code(404).send({ status: 404 })
        : { id: (request.params as { id: string }).id },
    );
    await app.ready();
  });
  afterEach(() => app.close());

  it('labels each answer with its route template, never the raw path', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/products/1' });
    await app.inject({ method: 'GET', url: '/api/v1/products/2?x=1' });
    await app.inject({ method: 'GET', url: '/api/v1/products/gone' });
    expect(await counts()).toEqual([
      [
        {
          http_request_method: 'GET',
          http_route: '/api/v1/products/:id',
          http_response_status_code: '200',
        },
        2,
      ],
      [
        {
          http_request_method: 'GET',
          http_route: '/api/v1/products/:id',
          http_response_status_code: '404',
        },
        1,
      ],
    ]);
  });

  it('labels a request no route matched `unmatched`', async () => {
    await app.inject({ method: 'GET', url: '/wp-admin/1234' });
    await app.inject({ method: 'DELETE', url: '/api/v1/products/1' });
    expect(await counts()).toEqual([
      [
        { http_request_method: 'GET', http_route: 'unmatched', http_response_status_code: '404' },
        1,
      ],
      [
        {
          http_request_method: 'DELETE',
          http_route: 'unmatched',
          http_response_status_code: '404',
        },
        1,
      ],
    ]);
  });
});
