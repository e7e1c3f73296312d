import type Consul from 'consul';
import { runInNewContext } from 'node:vm';
import { consulLeaderRegistry } from './leader-consul-registry';

/** A `consul` stand-in whose session and kv calls answer as told. */
function consulAnswering(answer: () => Promise<unknown>) {
  const calls: unknown[] = [];
  const call = (options: unknown) => (calls.push(options), answer());
  const consul = {
    session: { create: call, renew: call, destroy: call },
    kv: { set: call },
  } as unknown as Consul;
  return { registry: consulLeaderRegistry(consul), calls };
}

const notFound = () => Object.assign(new Error('not found'), { statusCode: 404 });

describe('consulLeaderRegistry', () => {
  it('creates a release-behaviour session with the TTL, lock-delay and a request timeout', async () => {
    const { registry, calls } = consulAnswering(async () => ({ ID: 's1' }));
    const id = await registry.createSession({ name: 'k leader', ttl: '15s', lockDelay: '15s' }, 99);
    expect(id).toBe('s1');
    expect(calls).toEqual([
      { name: 'k leader', ttl: '15s', lockdelay: '15s', behavior: 'release', timeout: 99 },
    ]);
  });

  it('reads a 404 renewal as "session gone", and rethrows anything else', async () => {
    expect(
      await consulAnswering(() => Promise.reject(notFound())).registry.renewSession('s', 1),
    ).toBe(false);
    await expect(
      consulAnswering(() => Promise.reject(new Error('boom'))).registry.renewSession('s', 1),
    ).rejects.toThrow('boom');
  });

  it('never takes a transport error the client resolved with for an answer', async () => {
    // Node's own errors are not instanceof the client's Error under Jest's VM.
    const { registry } = consulAnswering(
      async () => new (runInNewContext('Error') as ErrorConstructor)('connect ECONNREFUSED'),
    );
    await expect(registry.renewSession('s', 1)).rejects.toThrow('ECONNREFUSED');
    await expect(registry.acquire('k', 's', 'me', 1)).rejects.toThrow('ECONNREFUSED');
    await expect(
      registry.createSession({ name: 'n', ttl: '10s', lockDelay: '1s' }, 1),
    ).rejects.toThrow('ECONNREFUSED');
  });

  it('acquires with the identity as value and releases with an empty one', async () => {
    const { registry, calls } = consulAnswering(async () => true);
    expect(await registry.acquire('k', 's1', 'me', 5)).toBe(true);
    expect(await registry.release('k', 's1', 5)).toBe(true);
    expect(calls).toEqual([
      { key: 'k', value: 'me', acquire: 's1', timeout: 5 },
      { key: 'k', value: '', release: 's1', timeout: 5 },
    ]);
  });
});
