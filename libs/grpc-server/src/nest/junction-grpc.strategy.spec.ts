import {
  Controller,
  Injectable,
  Module,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type INestMicroservice,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, GrpcMethod, Payload } from '@nestjs/microservices';
import { Metadata, status as Status } from '@grpc/grpc-js';
import { catalogV1, healthV1 } from '@junction/contracts';
import { Http2Transport, type TransportFailure } from '@junction/grpc-client';
import { createLogger } from '@junction/telemetry';
import { of, type Observable } from 'rxjs';
import { ServingHealth } from '../health/serving-health';
import type { ServerCall } from '../server-call.types';
import { serverChain } from '../server-chain';
import { StatusError } from '../status.error';
import { Http2ServerTransport } from '../transport/http2-server.transport';
import { JunctionGrpcStrategy } from './junction-grpc.strategy';
import { RethrowToChainFilter } from './rethrow-to-chain.filter';

/** Lets only requests whose id is not `forbidden` through, as a Nest guard. */
@Injectable()
class NoForbiddenIds implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    if (execution.switchToRpc().getData<catalogV1.GetProductRequest>().id !== 'forbidden')
      return true;
    throw new StatusError(Status.PERMISSION_DENIED, 'not that one');
  }
}

@Controller()
class StrategyProbeController {
  @GrpcMethod('CatalogService', 'GetProduct')
  @UseGuards(NoForbiddenIds)
  getProduct(
    @Payload() { id }: catalogV1.GetProductRequest,
    @Ctx() call: ServerCall,
  ): catalogV1.GetProductResponse {
    const name = String(call.inbound.metadata.get('x-name')[0] ?? 'unnamed');
    return { product: { id, name, description: call.rpc.method, priceCents: 1, currency: 'EUR' } };
  }

  @GrpcMethod('CatalogService', 'BatchGetProducts')
  batchGetProducts({
    ids,
  }: catalogV1.BatchGetProductsRequest): Observable<catalogV1.BatchGetProductsResponse> {
    return of({ products: [], missingIds: ids });
  }
}

@Module({ controllers: [StrategyProbeController], providers: [NoForbiddenIds] })
class StrategyProbeModule {}

@Controller()
class StreamingController {
  @GrpcMethod('Health', 'Watch')
  watch(): healthV1.HealthCheckResponse {
    return { status: healthV1.HealthCheckResponse_ServingStatus.SERVING };
  }
}

@Module({ controllers: [StreamingController] })
class StreamingModule {}

const logger = createLogger({ name: 'test', level: 'silent' });

async function start(module: Type<unknown>, services = [catalogV1.CatalogServiceDefinition]) {
  const transport = new Http2ServerTransport();
  const strategy = new JunctionGrpcStrategy({
    services,
    endpoint: { host: '127.0.0.1', port: 0 },
    transport,
    health: new ServingHealth(services.map((s) => s.fullName)),
    middleware: serverChain({ logger }),
    drainTimeoutMs: 1000,
  });
  const app = await NestFactory.createMicroservice(module, { strategy, logger: false });
  app.useGlobalFilters(new RethrowToChainFilter());
  await app.listen();
  return { app, address: `127.0.0.1:${transport.port}` };
}

describe('JunctionGrpcStrategy', () => {
  const client = new Http2Transport();
  let app: INestMicroservice;
  let address: string;
  beforeAll(async () => ({ app, address } = await start(StrategyProbeModule)));
  afterAll(async () => {
    client.close();
    await app.close();
  });

  const call = async <M extends keyof typeof catalogV1.CatalogServiceDefinition.methods>(
    method: M,
    request: never,
    metadata = new Metadata(),
  ) => {
    const definition = catalogV1.CatalogServiceDefinition.methods[method];
    const bytes = await client.call(
      address,
      `/catalog.v1.CatalogService/${definition.name}`,
      Buffer.from(definition.requestType.encode(request).finish()),
      metadata,
      Date.now() + 5000,
    );
    return definition.responseType.decode(bytes) as unknown;
  };

  it("dispatches to the @GrpcMethod's controller method, the call as its @Ctx", async () => {
    const metadata = new Metadata();
    metadata.set('x-name', 'Lamp');
    expect(await call('getProduct', { id: '3' } as never, metadata)).toEqual({
      product: { id: '3', name: 'Lamp', description: 'GetProduct', priceCents: 1, currency: 'EUR' },
    });
  });

  it("keeps Nest's guards on the controller", async () => {
    const failure = (await call('getProduct', { id: 'forbidden' } as never).catch(
      (e) => e,
    )) as TransportFailure;
    expect(failure).toMatchObject({ code: Status.PERMISSION_DENIED, details: 'not that one' });
  });

  it('answers with the value of a method that returns an Observable', async () => {
    expect(await call('batchGetProducts', { ids: ['8'] } as never)).toEqual({
      products: [],
      missingIds: ['8'],
    });
  });

  it('answers UNIMPLEMENTED for an RPC of the service that no controller implements', async () => {
    const failure = (await call('listProducts', { pageSize: 1, pageToken: '' } as never).catch(
      (e) => e,
    )) as TransportFailure;
    expect(failure.code).toBe(Status.UNIMPLEMENTED);
  });

  it('answers a request its codec cannot decode INTERNAL', async () => {
    const failure = (await client
      .call(
        address,
        '/catalog.v1.CatalogService/GetProduct',
        Buffer.from([0x0a, 0xff]), // field 1, a length running past the end
        new Metadata(),
        Date.now() + 5000,
      )
      .catch((e) => e)) as TransportFailure;
    expect(failure.code).toBe(Status.INTERNAL);
    expect(failure.details).toMatch(/^Error deserializing request/);
  });

  it('refuses to start with a handler for a streaming RPC', async () => {
    await expect(start(StreamingModule, [healthV1.HealthDefinition as never])).rejects.toThrow(
      '/grpc.health.v1.Health/Watch streams; this server serves unary RPCs only',
    );
  });
});
