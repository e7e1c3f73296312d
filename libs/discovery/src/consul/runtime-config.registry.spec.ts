// runtimeConfig() against the real dev registry's KV (a child process).
// Build it first: npx nx run dev-registry:build
import { waitUntil } from '@junction/test-support';
import { z } from 'zod';
import { putKv, startSpecRegistry, type SpecRegistry } from './dev-registry.fixture';
import { runtimeConfig, type RuntimeConfig } from './runtime-config';

jest.setTimeout(30_000);

const schema = z.object({ limit: z.number().int().positive().default(10) }).strict();
const KEY = 'junction/config/observed';

describe('runtimeConfig (real dev registry)', () => {
  let registry: SpecRegistry;
  let config: RuntimeConfig<z.output<typeof schema>> | undefined;
  const seen: string[] = [];

  beforeAll(async () => {
    registry = await startSpecRegistry(23253);
  });
  afterAll(async () => {
    await config?.stop();
    await registry?.stop();
  });

  it('tells its observer of each value applied and each refused, by key', async () => {
    config = runtimeConfig(
      { DISCOVERY: 'consul', CONSUL_HTTP_ADDR: registry.address, DISCOVERY_WAIT_MS: 5000 },
      {
        key: KEY,
        schema,
        observer: {
          applied: (key) => seen.push(`applied ${key}`),
          rejected: (key) => seen.push(`rejected ${key}`),
        },
      },
    );
    // The first answer (no key: the defaults) is applied too.
    await waitUntil(() => seen.length === 1, { what: 'the first answer' });
    await putKv(registry.address, KEY, { limit: 3 });
    await waitUntil(() => config!.current.limit === 3, { what: 'the value to apply' });
    await putKv(registry.address, KEY, { limit: -1 });
    await waitUntil(() => seen.length === 3, { what: 'the refusal' });
    expect(seen).toEqual([`applied ${KEY}`, `applied ${KEY}`, `rejected ${KEY}`]);
    expect(config.current.limit).toBe(3);
  });

  it('has no observer calls with DISCOVERY=static: the defaults are fixed', async () => {
    const observed: string[] = [];
    const fixed = runtimeConfig(
      { DISCOVERY: 'static', CONSUL_HTTP_ADDR: registry.address, DISCOVERY_WAIT_MS: 5000 },
      {
        key: KEY,
        schema,
        observer: { applied: (k) => observed.push(k), rejected: (k) => observed.push(k) },
      },
    );
    expect(fixed.current).toEqual({ limit: 10 });
    await fixed.stop();
    expect(observed).toEqual([]);
  });
});
