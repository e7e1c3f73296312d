import { Metadata, status as Status } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { RoundRobinBalancer, StaticResolver } from '@junction/discovery';
import { GrpcCallError } from './grpc-call.error';
import { createInvoker } from './invoker';
import type { UnaryTransport } from './transport/unary-transport.port';
import type { UnaryCall } from './unary-call.types';

const method = catalogV1.CatalogServiceDefinition.methods.getProduct;
const product = { id: '7', name: 'Lamp', description: 'd', priceCents: 100, currency: 'EUR' };

const callFor = (request: catalogV1.GetProductRequest): UnaryCall => ({
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method,
  request,
  metadata: new Metadata(),
  deadline: Date.now() + 1000,
});

class FakeTransport implements UnaryTransport {
  readonly sent: { address: string; path: string; request: catalogV1.GetProductRequest }[] = [];
  failWith?: object;
  async call(address: string, path: string, request: Buffer): Promise<Buffer> {
    this.sent.push({ address, path, request: catalogV1.GetProductRequest.decode(request) });
    if (this.failWith) throw this.failWith;
    return Buffer.from(catalogV1.GetProductResponse.encode({ product }).finish());
  }
  readonly close = jest.fn();
}

describe('invoker', () => {
  const resolver = new StaticResolver({ catalog: ['10.0.0.1:1', '10.0.0.2:1'] });

  it('encodes the request, sends it to a balanced instance and decodes the answer', async () => {
    const transport = new FakeTransport();
    const invoke = createInvoker({ resolver, balancer: new RoundRobinBalancer(), transport });
    expect(await invoke(callFor({ id: '7' }))).toEqual({ product });
    await invoke(callFor({ id: '8' }));
    expect(transport.sent).toEqual([
      {
        address: '10.0.0.1:1',
        path: '/catalog.v1.CatalogService/GetProduct',
        request: { id: '7' },
      },
      {
        address: '10.0.0.2:1',
        path: '/catalog.v1.CatalogService/GetProduct',
        request: { id: '8' },
      },
    ]);
  });

  it('fails UNAVAILABLE naming the upstream when it has no instances', async () => {
    const invoke = createInvoker({
      resolver: new StaticResolver({}),
      balancer: new RoundRobinBalancer(),
      transport: new FakeTransport(),
    });
    const error = await invoke(callFor({ id: '1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrpcCallError);
    expect(error).toMatchObject({
      code: Status.UNAVAILABLE,
      details: 'no instances of catalog',
      publicDetail: 'no instances of catalog',
    });
  });

  it('says the registry has not answered when it cannot tell whether there are instances', async () => {
    const unresolved = {
      instances: () => [],
      state: () => ({ status: 'stale' as const }),
      close: async () => undefined,
    };
    const invoke = createInvoker({
      resolver: unresolved,
      balancer: new RoundRobinBalancer(),
      transport: new FakeTransport(),
    });
    await expect(invoke(callFor({ id: '1' }))).rejects.toMatchObject({
      code: Status.UNAVAILABLE,
      publicDetail: 'no known instances of catalog: the registry has not answered',
    });
  });

  it('turns a transport error into a GrpcCallError with the reason trailer', async () => {
    const transport = new FakeTransport();
    const metadata = new Metadata();
    metadata.set('junction-error-reason', 'PRODUCT_NOT_FOUND');
    transport.failWith = { code: Status.NOT_FOUND, details: 'product 7 not found', metadata };
    const invoke = createInvoker({ resolver, balancer: new RoundRobinBalancer(), transport });
    await expect(invoke(callFor({ id: '7' }))).rejects.toMatchObject({
      code: Status.NOT_FOUND,
      details: 'product 7 not found',
      reason: 'PRODUCT_NOT_FOUND',
      publicDetail: 'product 7 not found',
    });
  });

  it('keeps infrastructure details out of the public detail', async () => {
    const transport = new FakeTransport();
    transport.failWith = { code: Status.UNAVAILABLE, details: 'connect ECONNREFUSED 10.0.0.1:1' };
    const invoke = createInvoker({ resolver, balancer: new RoundRobinBalancer(), transport });
    const error = (await invoke(callFor({ id: '7' })).catch((e: unknown) => e)) as GrpcCallError;
    expect(error.publicDetail).toBe('catalog failed: unavailable');
  });
});
