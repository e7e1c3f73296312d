import { createRegistry, type Registry } from '../registry.server';
import type { AddressInfo } from 'node:net';

describe('/v1/status', () => {
  let registry: Registry;
  let url: string;
  beforeAll(async () => {
    registry = createRegistry({
      node: {
        name: 'n1',
        id: '0b8a3b0e-1f7c-4c43-9d2e-0c6c3f0d9a11',
        address: '127.0.0.1',
        datacenter: 'dc1',
      },
      timeScale: 0.01,
    });
    await new Promise<void>((resolve) => registry.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(registry.server.address() as AddressInfo).port}`;
  });
  afterAll(() => registry.close());

  it('names this node the leader, as a JSON string, without index headers', async () => {
    const res = await fetch(`${url}/v1/status/leader`);
    expect(await res.json()).toBe('127.0.0.1:8300');
    expect(res.headers.get('x-consul-index')).toBeNull();
    expect(res.headers.get('x-consul-knownleader')).toBeNull();
  });

  it('lists this node as the only peer', async () => {
    expect(await (await fetch(`${url}/v1/status/peers`)).json()).toEqual(['127.0.0.1:8300']);
  });

  it('allows GET only', async () => {
    const res = await fetch(`${url}/v1/status/leader`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(await res.text()).toBe('method PUT not allowed');
  });
});
