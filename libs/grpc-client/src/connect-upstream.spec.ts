import { Metadata, status as Status } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { StaticResolver, type OutlierEjectionOptions } from '@junction/discovery';
import { connectUpstream } from './connect-upstream';
import { PUSHBACK_KEY, type GrpcCallError } from './grpc-call.error';
import type { TransportFailure, UnaryTransport } from './transport/unary-transport.port';

const addresses = ['10.0.0.1:1', '10.0.0.2:1', '10.0.0.3:1'];
const product = { id: '7', name: 'Lamp', description: 'd', priceCents: 100, currency: 'EUR' };

/**
 * Answers every call, except at addresses marked down, where nothing listens,
 * and those set to answer with a failure.
 */
class FakeTransport implements UnaryTransport {
  readonly sent: string[] = [];
  readonly down = new Set<string>();
  readonly failing = new Map<string, TransportFailure>();
  async call(address: string): Promise<Buffer> {
    this.sent.push(address);
    if (this.down.has(address))
      throw { code: Status.UNAVAILABLE, details: 'connect ECONNREFUSED', unreachable: true };
    const failure = this.failing.get(address);
    if (failure) throw failure;
    return Buffer.from(catalogV1.GetProductResponse.encode({ product }).finish());
  }
  readonly close = jest.fn();
}

const connect = (
  transport: UnaryTransport,
  balancer?: 'round-robin' | 'consistent-hash',
  ejection?: () => OutlierEjectionOptions,
) =>
  connectUpstream(catalogV1.CatalogServiceDefinition, {
    upstream: 'catalog',
    resolver: new StaticResolver({ catalog: addresses }),
    transport,
    defaultTimeoutMs: 1000,
    balancer,
    ejection,
  });

const outcomesOf = async (client: ReturnType<typeof connect>, calls: number) => {
  const outcomes: string[] = [];
  for (let i = 0; i < calls; i++)
    outcomes.push(
      await client.getProduct({ id: '7' }).then(
        () => 'ok',
        (error: GrpcCallError) => error.details,
      ),
    );
  return outcomes;
};

describe('connectUpstream', () => {
  it('sends calls with the same routing key to the same instance under consistent hashing', async () => {
    const transport = new FakeTransport();
    const catalog = connect(transport, 'consistent-hash');
    for (let i = 0; i < 5; i++) await catalog.getProduct({ id: '7' }, { routingKey: '7' });
    expect(new Set(transport.sent).size).toBe(1);
  });

  it('skips an instance it could not reach from the next call on', async () => {
    const transport = new FakeTransport();
    transport.down.add('10.0.0.2:1');
    const outcomes = await outcomesOf(connect(transport, 'round-robin'), 30);
    expect(outcomes.filter((o) => o !== 'ok')).toHaveLength(1);
    expect(transport.sent.filter((a) => a === '10.0.0.2:1')).toHaveLength(1);
  });

  it('stops calling an instance that keeps failing, after as many failures as configured', async () => {
    const transport = new FakeTransport();
    transport.failing.set('10.0.0.2:1', { code: Status.INTERNAL, details: 'bug' });
    const outcomes = await outcomesOf(
      connect(transport, 'round-robin', () => ({ consecutiveFailures: 2 })),
      30,
    );
    expect(outcomes.filter((o) => o !== 'ok')).toHaveLength(2);
    expect(transport.sent.filter((a) => a === '10.0.0.2:1')).toHaveLength(2);
  });

  it('fails fast, calling none, once every instance asked callers to back off', async () => {
    const transport = new FakeTransport();
    const metadata = new Metadata();
    metadata.set(PUSHBACK_KEY, '60000');
    for (const address of addresses)
      transport.failing.set(address, {
        code: Status.RESOURCE_EXHAUSTED,
        details: 'busy',
        metadata,
      });
    const outcomes = await outcomesOf(connect(transport, 'round-robin'), 5);
    expect(outcomes).toEqual([
      'busy',
      'busy',
      'busy',
      'every instance of catalog asked callers to back off',
      'every instance of catalog asked callers to back off',
    ]);
    expect(transport.sent).toHaveLength(3);
  });

  it('keeps ejections apart per client', async () => {
    const transport = new FakeTransport();
    transport.down.add('10.0.0.1:1');
    const first = connect(transport, 'round-robin');
    await first.getProduct({ id: '7' }).catch(() => undefined);
    transport.down.clear();
    transport.sent.length = 0;
    const second = connect(transport, 'round-robin');
    await second.getProduct({ id: '7' });
    expect(transport.sent).toEqual(['10.0.0.1:1']);
  });
});
