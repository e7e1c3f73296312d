import { Metadata, status as Status } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import {
  OutlierEjection,
  RoundRobinBalancer,
  StaticResolver,
  type Balancer,
  type ServiceInstance,
} from '@junction/discovery';
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

/** What a transport rejects with when the instance could not be reached. */
const refused = {
  code: Status.UNAVAILABLE,
  details: 'connect ECONNREFUSED 10.0.0.1:1',
  unreachable: true,
};

class FakeTransport implements UnaryTransport {
  readonly sent: { address: string; path: string; request: catalogV1.GetProductRequest }[] = [];
  failWith?: object;
  /** Failures for one address only. */
  readonly failAt = new Map<string, object>();
  async call(address: string, path: string, request: Buffer): Promise<Buffer> {
    this.sent.push({ address, path, request: catalogV1.GetProductRequest.decode(request) });
    const failure = this.failAt.get(address) ?? this.failWith;
    if (failure) throw failure;
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

  describe('with passive ejection', () => {
    const sentTo = (transport: FakeTransport) => transport.sent.map((s) => s.address);

    it('ejects an instance it could not reach: the next calls go to the others', async () => {
      const transport = new FakeTransport();
      transport.failAt.set('10.0.0.1:1', refused);
      const balancer = new OutlierEjection(new RoundRobinBalancer());
      const invoke = createInvoker({ resolver, balancer, transport });
      await expect(invoke(callFor({ id: '1' }))).rejects.toMatchObject({
        code: Status.UNAVAILABLE,
      });
      for (const id of ['2', '3', '4']) await invoke(callFor({ id }));
      expect(sentTo(transport)).toEqual(['10.0.0.1:1', '10.0.0.2:1', '10.0.0.2:1', '10.0.0.2:1']);
    });

    it('keeps an instance that answered with an application error such as NOT_FOUND', async () => {
      const transport = new FakeTransport();
      transport.failAt.set('10.0.0.1:1', { code: Status.NOT_FOUND, details: 'no product 1' });
      const balancer = new OutlierEjection(new RoundRobinBalancer());
      const invoke = createInvoker({ resolver, balancer, transport });
      await expect(invoke(callFor({ id: '1' }))).rejects.toMatchObject({
        code: Status.NOT_FOUND,
      });
      await invoke(callFor({ id: '2' }));
      await invoke(callFor({ id: '3' })).catch(() => undefined);
      expect(sentTo(transport)).toEqual(['10.0.0.1:1', '10.0.0.2:1', '10.0.0.1:1']);
    });

    it('keeps an instance whose server itself answered UNAVAILABLE', async () => {
      const transport = new FakeTransport();
      transport.failAt.set('10.0.0.1:1', { code: Status.UNAVAILABLE, details: 'warming up' });
      const balancer = new OutlierEjection(new RoundRobinBalancer());
      const invoke = createInvoker({ resolver, balancer, transport });
      for (const id of ['1', '2', '3']) await invoke(callFor({ id })).catch(() => undefined);
      expect(sentTo(transport)).toEqual(['10.0.0.1:1', '10.0.0.2:1', '10.0.0.1:1']);
    });
  });

  describe('balancer hooks', () => {
    const recording = () => {
      const events: string[] = [];
      const balancer: Balancer = {
        pick: (instances, key) => {
          events.push(`pick ${key ?? '-'}`);
          return instances[0];
        },
        onStart: (instance: ServiceInstance) => events.push(`start ${instance.address}`),
        onEnd: (instance, outcome) => events.push(`end ${instance.address} ${outcome}`),
      };
      return { events, balancer };
    };

    it('passes the routing key to the pick and brackets a successful call', async () => {
      const { events, balancer } = recording();
      const invoke = createInvoker({ resolver, balancer, transport: new FakeTransport() });
      await invoke({ ...callFor({ id: '7' }), routingKey: '7' });
      expect(events).toEqual(['pick 7', 'start 10.0.0.1:1', 'end 10.0.0.1:1 ok']);
    });

    it('ends a business answer as ok, a server failure as failed, a refusal as unreachable', async () => {
      const { events, balancer } = recording();
      const transport = new FakeTransport();
      const invoke = createInvoker({ resolver, balancer, transport });
      for (const failure of [
        { code: Status.NOT_FOUND, details: 'gone' },
        { code: Status.INTERNAL, details: 'bug' },
        refused,
      ]) {
        transport.failWith = failure;
        await invoke(callFor({ id: '7' })).catch(() => undefined);
      }
      expect(events.filter((e) => e.startsWith('end'))).toEqual([
        'end 10.0.0.1:1 ok',
        'end 10.0.0.1:1 failed',
        'end 10.0.0.1:1 unreachable',
      ]);
    });

    it("hands the balancer the server's pushback", async () => {
      const pushbacks: Array<number | undefined> = [];
      const balancer: Balancer = {
        pick: (instances) => instances[0],
        onEnd: (_, __, pushbackMs) => void pushbacks.push(pushbackMs),
      };
      const transport = new FakeTransport();
      const metadata = new Metadata();
      metadata.set('grpc-retry-pushback-ms', '750');
      transport.failWith = { code: Status.RESOURCE_EXHAUSTED, details: 'busy', metadata };
      const invoke = createInvoker({ resolver, balancer, transport });
      await expect(invoke(callFor({ id: '7' }))).rejects.toMatchObject({ retryAfterMs: 750 });
      expect(pushbacks).toEqual([750]);
    });

    it('hands the balancer the instances this call already tried, to avoid', async () => {
      const picked: string[] = [];
      const balancer = new OutlierEjection({
        pick: (instances) => instances[0],
        onStart: (instance) => void picked.push(instance.address),
      });
      const invoke = createInvoker({ resolver, balancer, transport: new FakeTransport() });
      const tried = new Set<string>();
      await invoke({ ...callFor({ id: '7' }), tried });
      await invoke({ ...callFor({ id: '7' }), tried });
      await invoke({ ...callFor({ id: '7' }), tried });
      expect(picked[0]).not.toBe(picked[1]);
      expect(tried.size).toBe(2);
    });

    it('fails fast, saying so, when every listed instance asked to back off', async () => {
      const balancer: Balancer = { pick: () => undefined };
      const invoke = createInvoker({ resolver, balancer, transport: new FakeTransport() });
      await expect(invoke(callFor({ id: '7' }))).rejects.toMatchObject({
        code: Status.UNAVAILABLE,
        reason: 'ALL_BACKING_OFF',
        publicDetail: 'every instance of catalog asked callers to back off',
      });
    });
  });
});
