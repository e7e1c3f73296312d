import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { catalogV1 } from '@junction/contracts';
import { GrpcJsTransport } from '@junction/grpc-client';
import { Registry } from '@junction/metrics';
import { faultConfigSchema, type FaultConfig } from './faults/fault-config.schema';
import { catalogClient, runTestService } from './grpc-service.fixture';
import type { RunningGrpcService } from './grpc-service.runner';
import { notFound } from './status.error';

const PORT = 23250;
const ADDRESS = `127.0.0.1:${PORT}`;

@Controller()
class MeasuredCatalogController {
  @GrpcMethod('CatalogService', 'GetProduct')
  getProduct({ id }: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    if (id === 'missing') throw notFound('product missing not found', 'PRODUCT_NOT_FOUND');
    if (id === 'bug') throw new Error('boom');
    return { product: { id, name: 'n', description: 'd', priceCents: 1, currency: 'EUR' } };
  }

  @GrpcMethod('CatalogService', 'ListProducts')
  listProducts(): catalogV1.ListProductsResponse {
    return { products: [], nextPageToken: '' };
  }
}

@Module({ controllers: [MeasuredCatalogController] })
class MeasuredCatalogModule {}

describe('RPC server metrics', () => {
  const registry = new Registry();
  const transport = new GrpcJsTransport();
  const catalog = catalogClient(ADDRESS, transport);
  let faults: FaultConfig = faultConfigSchema.parse({});
  let advertised: number | undefined;
  let service: RunningGrpcService;

  /** Text lines of the metrics server's answer for one family's _count. */
  const scrapedCounts = async () =>
    (await (await fetch(service.metrics!.url)).text())
      .split('\n')
      .filter((line) => line.startsWith('rpc_server_call_duration_seconds_count'));

  beforeAll(async () => {
    service = await runTestService({
      module: MeasuredCatalogModule,
      port: PORT,
      metrics: { registry, host: '127.0.0.1', port: 0 },
      // A fault source whose configuration the test sets, as the KV watch would.
      faults: {
        get current() {
          return faults;
        },
        loaded: true,
        stop: async () => undefined,
      },
      registration: ({ metricsPort }) => {
        advertised = metricsPort;
        return undefined;
      },
    });
  });
  afterAll(async () => {
    await service.shutdown('test over');
    transport.close();
  });

  it('serves them on the port it bound, and hands that port to the registration', async () => {
    expect(advertised).toBe(service.metrics!.port);
    expect(advertised).toBeGreaterThan(0);
    expect((await fetch(service.metrics!.url)).status).toBe(200);
  });

  it('records each call by service, method and gRPC status', async () => {
    await catalog.getProduct({ id: '1' });
    await catalog.getProduct({ id: '2' });
    await catalog.listProducts({ pageSize: 1, pageToken: '' });
    expect(await scrapedCounts()).toEqual(
      expect.arrayContaining([
        'rpc_server_call_duration_seconds_count{rpc_system="grpc",rpc_service="catalog.v1.CatalogService",rpc_method="GetProduct",rpc_response_status_code="OK"} 2',
        'rpc_server_call_duration_seconds_count{rpc_system="grpc",rpc_service="catalog.v1.CatalogService",rpc_method="ListProducts",rpc_response_status_code="OK"} 1',
      ]),
    );
  });

  it('a failing handler is recorded with its gRPC status, a bug as INTERNAL', async () => {
    await catalog.getProduct({ id: 'missing' }).catch(() => undefined);
    await catalog.getProduct({ id: 'bug' }).catch(() => undefined);
    const lines = await scrapedCounts();
    expect(lines).toContainEqual(
      expect.stringMatching(/rpc_method="GetProduct",rpc_response_status_code="NOT_FOUND"\} 1$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/rpc_method="GetProduct",rpc_response_status_code="INTERNAL"\} 1$/),
    );
  });

  it('records an injected fault with the code it injected', async () => {
    faults = faultConfigSchema.parse({
      errorRate: 1,
      errorCode: 'UNAVAILABLE',
      methods: ['ListProducts'],
    });
    await catalog.listProducts({ pageSize: 1, pageToken: '' }).catch(() => undefined);
    expect(await scrapedCounts()).toContainEqual(
      expect.stringMatching(
        /rpc_method="ListProducts",rpc_response_status_code="UNAVAILABLE"\} 1$/,
      ),
    );
  });
});
