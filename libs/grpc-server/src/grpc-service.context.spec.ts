import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import { SpanKind, trace } from '@opentelemetry/api';
import { catalogV1 } from '@junction/contracts';
import { activeDeadline } from '@junction/resilience';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { runTestService } from './grpc-service.fixture';
import type { RunningGrpcService } from './grpc-service.runner';
import { SERVER_TRANSPORT_KINDS } from './transport/server-transport.factory';

// Through the whole runtime (transport, strategy, chain, Nest's handler):
// the handler runs in the async context the chain set up.

/** Answers with what the handler sees: the deadline budget (name) and the active span (description). */
@Controller()
class DeadlineProbeController {
  @GrpcMethod('CatalogService', 'GetProduct')
  async getProduct({ id }: catalogV1.GetProductRequest): Promise<catalogV1.GetProductResponse> {
    // Across an await, as a handler calling on downstream would be.
    await new Promise((resolve) => setImmediate(resolve));
    const spanId = trace.getActiveSpan()?.spanContext().spanId;
    return {
      product: {
        id,
        name: String(activeDeadline() ?? 'none'),
        description: spanId ?? 'none',
        priceCents: 1,
        currency: 'EUR',
      },
    };
  }
}

@Module({ controllers: [DeadlineProbeController] })
class DeadlineProbeModule {}

describe.each(SERVER_TRANSPORT_KINDS)('inbound deadline and span, %s server', (kind) => {
  const port = kind === 'http2' ? 23000 : 23001;
  let tracing: InMemoryTracing;
  let service: RunningGrpcService;
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());

  /** A plain grpc-js call, so only the caller's own deadline (if any) is sent. */
  const getProduct = (id: string, deadline?: number) =>
    new Promise<catalogV1.Product>((resolve, reject) =>
      client.makeUnaryRequest(
        '/catalog.v1.CatalogService/GetProduct',
        (request: catalogV1.GetProductRequest) =>
          Buffer.from(catalogV1.GetProductRequest.encode(request).finish()),
        (bytes: Buffer) => catalogV1.GetProductResponse.decode(bytes),
        { id },
        deadline === undefined ? {} : { deadline },
        (error: ServiceError | null, response?: catalogV1.GetProductResponse) =>
          error ? reject(error) : resolve(response!.product!),
      ),
    );

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    service = await runTestService({
      module: DeadlineProbeModule,
      port,
      serverTransport: kind,
    });
  });
  afterAll(async () => {
    client.close();
    await service.shutdown('test over');
    await tracing.shutdown();
  });

  it("runs the handler inside the caller's deadline and the SERVER span", async () => {
    tracing.reset();
    const deadline = Date.now() + 5000;
    const product = await getProduct('1', deadline);
    // grpc-timeout travels as a duration: the server's deadline is the
    // caller's, shifted by the time the request took to arrive.
    expect(Math.abs(Number(product.name) - deadline)).toBeLessThan(500);
    const server = tracing.spans().find((s) => s.kind === SpanKind.SERVER)!;
    expect(product.description).toBe(server.spanContext().spanId);
  });

  it('gives the handler no budget when the caller set no deadline', async () => {
    expect((await getProduct('2')).name).toBe('none');
  });
});
