import Fastify from 'fastify';
import { consoleConfigSchema } from '../config/console.config';
import { send, startTestConsole, TEST_TOKEN } from '../console.fixture';
import type { RunningConsole } from '../console.app';
import { HostAllowList } from './host-allow-list';
import { requestGuard } from './request-guard.hook';

describe('console security', () => {
  let consoleApp: RunningConsole;
  let origin: string;
  const write = (headers: Record<string, string>) =>
    send(consoleApp.url, {
      method: 'POST',
      path: '/api/processes/reviews/restart',
      headers,
      body: {},
    });

  beforeAll(async () => {
    consoleApp = await startTestConsole();
    origin = consoleApp.url;
  });
  afterAll(() => consoleApp.close());

  it('binds to loopback by default', () => {
    expect(new URL(consoleApp.url).hostname).toBe('127.0.0.1');
  });

  it('answers reads on loopback without a token', async () => {
    expect((await send(consoleApp.url, { path: '/api/traces' })).status).toBe(200);
  });

  it('refuses a write without the token with a 401 problem', async () => {
    const res = await write({ origin });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses a wrong bearer token, lets the right one through', async () => {
    expect((await write({ authorization: 'Bearer nope' })).status).toBe(401);
    // Through the guard: the route itself answers (no launcher here).
    const res = await write({ authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({
      detail: expect.stringContaining('not started by npm start'),
    });
  });

  it('refuses a cross-origin write even with the token', async () => {
    const res = await write({
      authorization: `Bearer ${TEST_TOKEN}`,
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
    const otherPort = await write({
      authorization: `Bearer ${TEST_TOKEN}`,
      origin: 'http://127.0.0.1:1',
    });
    expect(otherPort.status).toBe(403);
  });

  it('refuses a cross-origin live stream', async () => {
    expect(
      (
        await send(consoleApp.url, {
          path: '/api/live',
          headers: { origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a Host it does not know (DNS rebinding), accepts the loopback names', async () => {
    const port = new URL(consoleApp.url).port;
    const res = await send(consoleApp.url, {
      path: '/api/traces',
      headers: { host: `rebound.example:${port}` },
    });
    expect(res.status).toBe(403);
    expect(
      (await send(consoleApp.url, { path: '/api/traces', headers: { host: 'localhost:1' } }))
        .status,
    ).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await send(consoleApp.url, { path: '/api/traces', headers: { host } })).status).toBe(
        200,
      );
    }
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie that authorizes same-origin writes', async () => {
    expect((await send(consoleApp.url, { path: '/?token=wrong' })).status).toBe(401);
    const res = await send(consoleApp.url, { path: `/?token=${TEST_TOKEN}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const [cookie] = res.headers['set-cookie'] as string[];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie!.split(';', 1)[0]!;

    expect((await write({ cookie: pair, origin })).status).toBe(404);
    // A browser sends Origin with every write: a cookie without one is refused.
    expect((await write({ cookie: pair })).status).toBe(403);
    expect((await write({ cookie: pair, origin: 'http://evil.example' })).status).toBe(403);
    expect((await write({ cookie: pair.replace(/=.*/, '=forged'), origin })).status).toBe(401);
  });

  it('sends a CSP that allows only its own scripts, and no referrer', async () => {
    const res = await send(consoleApp.url, { path: '/api/traces' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('console security off loopback', () => {
  const guarded = () => {
    const app = Fastify();
    app.addHook(
      'onRequest',
      requestGuard({
        token: TEST_TOKEN,
        hosts: new HostAllowList('10.1.2.3', []),
        port: () => 8090,
        tokenForReads: true,
      }),
    );
    app.get('/api/traces', () => ({ traces: [] }));
    app.get('/healthz', () => ({ status: 'ok' }));
    return app;
  };

  it('needs the token for reads too, except liveness', async () => {
    const app = guarded();
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ url, headers: { host: '10.1.2.3:8090', ...headers } });
    expect((await get('/api/traces')).statusCode).toBe(401);
    expect((await get('/api/traces', { authorization: `Bearer ${TEST_TOKEN}` })).statusCode).toBe(
      200,
    );
    expect(
      (await get('/api/traces', { cookie: `junction_console_8090=${TEST_TOKEN}` })).statusCode,
    ).toBe(200);
    expect((await get('/healthz')).statusCode).toBe(200);
    // The bind address is a Host it answers to; others still are not.
    expect((await get('/healthz', { host: '10.9.9.9:8090' })).statusCode).toBe(403);
  });

  it('refuses to start on a non-loopback host without an OTLP API key', () => {
    const result = consoleConfigSchema.safeParse({ CONSOLE_HOST: '0.0.0.0' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['CONSOLE_OTLP_API_KEY']);
    expect(
      consoleConfigSchema.safeParse({
        CONSOLE_HOST: '0.0.0.0',
        CONSOLE_OTLP_API_KEY: 'k'.repeat(16),
      }).success,
    ).toBe(true);
  });
});
