import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { SpanKind } from '@opentelemetry/api';
import { Client, credentials } from '@grpc/grpc-js';
import { catalogV1, healthV1 } from '@junction/contracts';
import { GrpcCallError, GrpcJsTransport, GrpcStatus } from '@junction/grpc-client';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { healthClient, waitUntil } from '@junction/testing';
import { catalogClient, runTestService } from './grpc-service.fixture';
import type { RunningGrpcService } from './grpc-service.runner';
import { notFound } from './status.error';
import { SERVER_TRANSPORT_KINDS } from './transport/server-transport.factory';

/** Holds `GetProduct("slow")` open until the test releases it, and says when it is inside. */
const gate = {
  release: () => undefined as void,
  opened: Promise.resolve(),
  enter: () => undefined as void,
  entered: Promise.resolve(),
};
const closeGate = () => {
  gate.opened = new Promise((resolve) => (gate.release = resolve));
  gate.entered = new Promise((resolve) => (gate.enter = resolve));
};

@Controller()
class TestCatalogController {
  @GrpcMethod('CatalogService', 'GetProduct')
  async getProduct({ id }: catalogV1.GetProductRequest): Promise<catalogV1.GetProductResponse> {
    if (id === 'slow') {
      gate.enter();
      await gate.opened;
    }
    if (id === 'missing') throw notFound('product missing not found', 'PRODUCT_NOT_FOUND');
    if (id === 'bug') throw new Error('boom at /srv/secret.js:10');
    return { product: { id, name: 'n', description: 'd', priceCents: 1, currency: 'EUR' } };
  }
}

@Module({ controllers: [TestCatalogController] })
class TestCatalogModule {}

// Once for the file: the clients below take their tracer when they are made.
let tracing: InMemoryTracing;
beforeAll(() => (tracing = installInMemoryTracing()));
afterAll(() => tracing.shutdown());

describe.each(SERVER_TRANSPORT_KINDS)('runGrpcService on the %s server transport', (kind) => {
  const PORT = kind === 'http2' ? 22951 : 22953;
  const ADDRESS = `127.0.0.1:${PORT}`;
  let service: RunningGrpcService;
  const transport = new GrpcJsTransport();
  const catalog = catalogClient(ADDRESS, transport);

  beforeAll(async () => {
    service = await runTestService({
      module: TestCatalogModule,
      port: PORT,
      serverTransport: kind,
      drainTimeoutMs: 5000,
    });
  });
  afterAll(async () => {
    await service.shutdown('test over');
    transport.close();
  });

  it('reports SERVING for the server and each hosted service', async () => {
    const health = healthClient(ADDRESS);
    expect(await health.status('')).toBe('SERVING');
    expect(await health.status('catalog.v1.CatalogService')).toBe('SERVING');
    health.close();
  });

  it('decodes requests and encodes responses with the generated codecs', async () => {
    expect((await catalog.getProduct({ id: '5' })).product?.id).toBe('5');
  });

  it('sends a StatusError as its code, message and reason', async () => {
    const error = (await catalog
      .getProduct({ id: 'missing' })
      .catch((e: unknown) => e)) as GrpcCallError;
    expect(error).toBeInstanceOf(GrpcCallError);
    expect(error).toMatchObject({
      code: GrpcStatus.NOT_FOUND,
      details: 'product missing not found',
      reason: 'PRODUCT_NOT_FOUND',
    });
  });

  it('answers an unexpected error as INTERNAL without its message', async () => {
    const error = (await catalog
      .getProduct({ id: 'bug' })
      .catch((e: unknown) => e)) as GrpcCallError;
    expect(error).toMatchObject({ code: GrpcStatus.INTERNAL, details: 'internal error' });
  });

  it("continues the caller's trace in a SERVER span", async () => {
    tracing.reset();
    await catalog.getProduct({ id: '6' });
    const client = tracing.spans().find((s) => s.kind === SpanKind.CLIENT)!;
    const server = tracing.spans().find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.name).toBe('catalog.v1.CatalogService/GetProduct');
    expect(server.spanContext().traceId).toBe(client.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
  });

  it('on shutdown turns NOT_SERVING at once (Watch sees it) and finishes the in-flight call before closing', async () => {
    const watcher = new Client(ADDRESS, credentials.createInsecure());
    const watch = watcher.makeServerStreamRequest(
      '/grpc.health.v1.Health/Watch',
      (request: healthV1.HealthCheckRequest) =>
        Buffer.from(healthV1.HealthCheckRequest.encode(request).finish()),
      (bytes: Buffer) => healthV1.HealthCheckResponse.decode(bytes),
      { service: '' },
    );
    const seen: string[] = [];
    watch.on('data', (response: healthV1.HealthCheckResponse) => seen.push(response.status));
    watch.on('error', () => undefined);
    await waitUntil(() => seen.includes('SERVING'), { what: 'Watch to report SERVING' });
    closeGate();
    const inFlight = catalog.getProduct({ id: 'slow' });
    await gate.entered;
    let closed = false;
    const stopping = service.shutdown('test').then(() => (closed = true));
    expect(service.health.status).toBe('NOT_SERVING');
    await waitUntil(() => seen.includes('NOT_SERVING'), { what: 'Watch to report NOT_SERVING' });
    expect(seen).toEqual(['SERVING', 'NOT_SERVING']);
    // A watch never ends by itself; the watcher goes away, as real ones do.
    watch.cancel();
    watcher.close();
    gate.release();
    expect((await inFlight).product?.id).toBe('slow');
    await stopping;
    expect(closed).toBe(true);
    const after = (await catalog.getProduct({ id: '1' }).catch((e: unknown) => e)) as GrpcCallError;
    expect(after.code).toBe(GrpcStatus.UNAVAILABLE);
  });
});
