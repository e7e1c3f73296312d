// What the API key endpoints refuse, and how they answer when the registry
// cannot help: against a real dev registry (npx nx run dev-registry:build)
// and the real console app.
import { API_KEYS_KV_KEY, consulKvStore } from '@junction/auth';
import { putKv, runDevRegistry, type RunningDevRegistry } from '@junction/testing';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole, TEST_TOKEN } from '../console.fixture';
import { tokenCookieName } from '../security/console-token';

jest.setTimeout(30_000);

const REGISTRY_PORT = 28602;
/** In this suite's port range, and nothing listens there. */
const NO_REGISTRY = 'http://127.0.0.1:28601';
const bearer = { authorization: `Bearer ${TEST_TOKEN}` };

describe('API keys: the token', () => {
  let registry: RunningDevRegistry;
  let consoleApp: RunningConsole;
  const raw = async () => (await consulKvStore(registry.address).read(API_KEYS_KV_KEY))?.value;

  beforeAll(async () => {
    registry = await runDevRegistry({ port: REGISTRY_PORT, env: { LOG_LEVEL: 'warn' } });
    consoleApp = await startTestConsole({ CONSUL_HTTP_ADDR: registry.address });
  });
  afterAll(async () => {
    await consoleApp?.close();
    await registry?.stop();
  });

  it.each([
    ['GET', '/api/keys', undefined],
    ['POST', '/api/keys', { owner: 'intruder', scopes: ['orders'] }],
    ['POST', '/api/keys/0123456789ab/revoke', undefined],
  ])(
    'refuses %s %s without the token, or with a wrong one, with 401',
    async (method, path, body) => {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-token' }];
      for (const headers of attempts) {
        const res = await send(consoleApp.url, { method, path, body, headers });
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await raw()).toBeUndefined();
    },
  );

  it('needs it for the list even on loopback, where other reads are open', async () => {
    expect((await send(consoleApp.url, { path: '/api/traces' })).status).toBe(200);
    expect((await send(consoleApp.url, { path: '/api/keys' })).status).toBe(401);
    expect((await send(consoleApp.url, { path: '/api/keys', headers: bearer })).status).toBe(200);
  });

  it('takes the console’s cookie, as the UI sends it, with its same-origin rule for writes', async () => {
    const cookie = `${tokenCookieName(Number(new URL(consoleApp.url).port))}=${TEST_TOKEN}`;
    const origin = consoleApp.url;
    const body = { owner: 'from-the-ui' };
    expect((await send(consoleApp.url, { path: '/api/keys', headers: { cookie } })).status).toBe(
      200,
    );
    const post = (headers: Record<string, string>) =>
      send(consoleApp.url, { method: 'POST', path: '/api/keys', body, headers });
    expect((await post({ cookie })).status).toBe(403);
    expect((await post({ cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ cookie, origin })).status).toBe(201);
  });

  it('refuses a document in KV the gateway would refuse with 409, and leaves it as it is', async () => {
    const broken = { keys: { abc: { id: 'abc', owner: '' } } };
    await putKv(registry.address, API_KEYS_KV_KEY, broken);
    try {
      const list = await send(consoleApp.url, { path: '/api/keys', headers: bearer });
      expect(list.status).toBe(409);
      expect(list.json<{ errors: string[] }>().errors.join('\n')).toContain('keys.abc.hash');
      const create = await send(consoleApp.url, {
        method: 'POST',
        path: '/api/keys',
        body: { owner: 'ops' },
        headers: bearer,
      });
      expect(create.status).toBe(409);
      expect(JSON.parse((await raw()) ?? '')).toEqual(broken);
    } finally {
      await putKv(registry.address, API_KEYS_KV_KEY, { keys: {} });
    }
  });
});

describe('API keys: a registry that does not answer', () => {
  let consoleApp: RunningConsole;

  beforeAll(async () => {
    consoleApp = await startTestConsole({ CONSUL_HTTP_ADDR: NO_REGISTRY });
  });
  afterAll(() => consoleApp?.close());

  it.each([
    ['GET', '/api/keys', undefined],
    ['POST', '/api/keys', { owner: 'ops', scopes: ['orders'] }],
    ['POST', '/api/keys/0123456789ab/revoke', undefined],
  ])('answers %s %s with a 503 problem, not a stack trace', async (method, path, body) => {
    const res = await send(consoleApp.url, { method, path, body, headers: bearer });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<{ detail: string }>();
    expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(problem.detail).toContain(`the registry at ${NO_REGISTRY} could not be read`);
    expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('still refuses a bad body with 400 before asking the registry', async () => {
    const res = await send(consoleApp.url, {
      method: 'POST',
      path: '/api/keys',
      body: { owner: '' },
      headers: bearer,
    });
    expect(res.status).toBe(400);
  });
});
