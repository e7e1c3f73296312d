import { registerHttpTracing } from '@junction/telemetry';
import { waitUntil } from '@junction/test-support';
import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRACE_ID_HEADER } from '../trace-id.header';
import { LoadShedder, type ShedReason } from './load-shedder';
import { registerLoadShedding } from './load-shedding.hook';

/** Requests to /slow wait here until the test lets them go. */
class Gate {
  private waiting: (() => void)[] = [];
  get size(): number {
    return this.waiting.length;
  }
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  open(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

describe('registerLoadShedding', () => {
  let app: FastifyInstance;
  let gate: Gate;
  let lag: { ms: number };
  let shedder: LoadShedder;
  let shed: ShedReason[];

  beforeEach(async () => {
    gate = new Gate();
    lag = { ms: 0 };
    shed = [];
    shedder = new LoadShedder({
      limits: () => ({ maxInFlight: 2, maxEventLoopLagMs: 200, retryAfterS: 3 }),
      lagMs: () => lag.ms,
    });
    app = Fastify();
    registerHttpTracing(app, { traceIdHeader: TRACE_ID_HEADER });
    registerLoadShedding(app, { shedder, onShed: (reason) => shed.push(reason) });
    app.get('/slow', async () => {
      await gate.wait();
      return { ok: true };
    });
    app.get('/fast', async () => ({ ok: true }));
    app.get('/healthz', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    gate.open();
    await app.close();
  });

  const url = (path: string) =>
    `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`;

  it('refuses a request over the in-flight limit with a fast 503 problem, Retry-After and a trace id', async () => {
    const held = [fetch(url('/slow')), fetch(url('/slow'))];
    await waitUntil(() => gate.size === 2, { what: 'two requests in flight' });

    const started = Date.now();
    const refused = await fetch(url('/fast'));
    expect(Date.now() - started).toBeLessThan(100);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const traceId = refused.headers.get(TRACE_ID_HEADER);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await refused.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'the gateway is overloaded; retry in 3 s',
      reason: 'OVERLOADED',
      traceId,
    });
    expect(shed).toEqual(['in_flight']);

    gate.open();
    expect((await Promise.all(held)).map((res) => res.status)).toEqual([200, 200]);
    await waitUntil(() => shedder.current === 0, { what: 'the in-flight count back to 0' });
    expect((await fetch(url('/fast'))).status).toBe(200);
  });

  it('always answers the health endpoints, even at the limit', async () => {
    const held = [fetch(url('/slow')), fetch(url('/slow'))];
    await waitUntil(() => gate.size === 2);
    expect((await fetch(url('/healthz'))).status).toBe(200);
    lag.ms = 1000;
    expect((await fetch(url('/healthz'))).status).toBe(200);
    gate.open();
    await Promise.all(held);
  });

  it('refuses while the event loop lags, and admits again once it catches up', async () => {
    lag.ms = 250;
    expect((await fetch(url('/fast'))).status).toBe(503);
    expect(shed).toEqual(['event_loop_lag']);
    lag.ms = 50;
    expect((await fetch(url('/fast'))).status).toBe(200);
  });

  it('stops counting a request whose client went away before the answer', async () => {
    const aborted = request(url('/slow'));
    aborted.on('error', () => undefined);
    aborted.end();
    await waitUntil(() => gate.size === 1 && shedder.current === 1);
    aborted.destroy();
    await waitUntil(() => shedder.current === 0, { what: 'the abandoned request released' });
    gate.open();
    expect(shedder.current).toBe(0);
  });

  it('counts every request out exactly once, whatever its answer', async () => {
    await Promise.all([
      app.inject({ url: '/fast' }),
      app.inject({ url: '/missing' }),
      app.inject({ url: '/fast', method: 'POST' }),
    ]);
    await waitUntil(() => shedder.current === 0);
    expect(shedder.current).toBe(0);
  });
});
