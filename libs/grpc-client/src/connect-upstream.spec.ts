import { status as Status } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream } from './connect-upstream';
import type { UnaryTransport } from './transport/unary-transport.port';

const addresses = ['10.0.0.1:1', '10.0.0.2:1', '10.0.0.3:1'];
const product = { id: '7', name: 'Lamp', description: 'd', priceCents: 100, currency: 'EUR' };

/** Answers every call, except at addresses marked down, where nothing listens. */
class FakeTransport implements UnaryTransport {
  readonly sent: string[] = [];
  readonly down = new Set<string>();
  async call(address: string): Promise<Buffer> {
    this.sent.push(address);
    if (this.down.has(address))
      throw { code: Status.UNAVAILABLE, details: 'connect ECONNREFUSED', unreachable: true };
    return Buffer.from(catalogV1.GetProductResponse.encode({ product }).finish());
  }
  readonly close = jest.fn();
}

const connect = (transport: UnaryTransport, balancer?: 'round-robin' | 'consistent-hash') =>
  connectUpstream(catalogV1.CatalogServiceDefinition, {
    upstream: 'catalog',
    resolver: new StaticResolver({ catalog: addresses }),
    transport,
    defaultTimeoutMs: 1000,
    balancer,
  });

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
    const catalog = connect(transport, 'round-robin');
    const outcomes = [];
    for (let i = 0; i < 30; i++)
      outcomes.push(
        await catalog.getProduct({ id: '7' }).then(
          () => 'ok',
          () => 'failed',
        ),
      );
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(1);
    expect(transport.sent.filter((a) => a === '10.0.0.2:1')).toHaveLength(1);
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
