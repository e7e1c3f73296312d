import {
  Controller,
  Injectable,
  Module,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { SpanKind, trace } from '@opentelemetry/api';
import { catalogV1 } from '@junction/contracts';
import { activeDeadline } from '@junction/resilience';
import { createLogger } from '@junction/telemetry';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { waitUntil } from '@junction/testing';
import { runGrpcService, type RunningGrpcService } from './grpc-service.runner';

const ADDRESS = '127.0.0.1:23000';

/** Ids of the requests whose handler ran. */
const handled: string[] = [];

/** Holds the request `late` until its deadline has passed, as a queue in front of a busy handler would. */
@Injectable()
class HoldLateCallsGuard implements CanActivate {
  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const [request, , call] = execution.getArgs();
    if (request.id !== 'late') return true;
    const deadline = Number(call.getDeadline());
    await waitUntil(() => Date.now() > deadline, { intervalMs: 5, what: 'the deadline to pass' });
    return true;
  }
}

/** Answers with what the handler sees: the deadline budget (name) and the active span (description). */
@Controller()
class DeadlineProbeController {
  @GrpcMethod('CatalogService', 'GetProduct')
  @UseGuards(HoldLateCallsGuard)
  getProduct({ id }: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    handled.push(id);
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

@Module({ controllers: [DeadlineProbeController], providers: [HoldLateCallsGuard] })
class DeadlineProbeModule {}

describe('inbound deadline', () => {
  let tracing: InMemoryTracing;
  let service: RunningGrpcService;
  const client = new Client(ADDRESS, credentials.createInsecure());

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
    service = await runGrpcService({
      module: DeadlineProbeModule,
      services: [catalogV1.CatalogServiceDefinition],
      host: '127.0.0.1',
      port: 23000,
      logger: createLogger({ name: 'test', level: 'silent' }),
      drainTimeoutMs: 2000,
      handleSignals: false,
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

  it('answers DEADLINE_EXCEEDED without running a handler whose deadline passed first', async () => {
    tracing.reset();
    const error = (await getProduct('late', Date.now() + 100).catch((e: unknown) => e)) as {
      code: number;
    };
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
    const server = await waitUntil(() => tracing.spans().find((s) => s.kind === SpanKind.SERVER), {
      what: 'the server to finish the late call',
    });
    expect(server.attributes['rpc.grpc.status_code']).toBe(status.DEADLINE_EXCEEDED);
    expect(handled).not.toContain('late');
  });
});
