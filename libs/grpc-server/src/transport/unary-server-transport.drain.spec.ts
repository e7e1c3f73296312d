import { Metadata, status as Status } from '@grpc/grpc-js';
import { Http2Transport } from '@junction/grpc-client';
import { waitUntil } from '@junction/test-support';
import {
  CLIENTS,
  failureOf,
  held,
  serve,
  SERVERS,
  soon,
  watchHealth,
  type Running,
} from './server-transport.fixture';

// Health Watch and the drain, on both server transports: NOT_SERVING reaches
// watchers, the call in flight finishes, watches end, new calls are refused.

describe.each(SERVERS)('%s server Watch', (_server, createServer) => {
  let running: Running;
  beforeAll(async () => (running = await serve(createServer)));
  afterAll(() => running.server.drain(1000));

  it('streams grpc.health.v1.Health/Watch: the status now and each change; SERVICE_UNKNOWN for a service not hosted', async () => {
    const watch = watchHealth(running.address, 'test.Conformance');
    const unknown = watchHealth(running.address, 'other.Service');
    try {
      await waitUntil(() => watch.statuses.includes('SERVING'), { what: 'SERVING' });
      running.health.set('NOT_SERVING');
      await waitUntil(() => watch.statuses.includes('NOT_SERVING'), { what: 'NOT_SERVING' });
      running.health.set('SERVING');
      await waitUntil(() => watch.statuses.length === 3, { what: 'SERVING again' });
      expect(watch.statuses).toEqual(['SERVING', 'NOT_SERVING', 'SERVING']);
      await waitUntil(() => unknown.statuses.length === 1, { what: 'SERVICE_UNKNOWN' });
      expect(unknown.statuses).toEqual(['SERVICE_UNKNOWN']);
    } finally {
      watch.close();
      unknown.close();
    }
  });
});

describe.each(SERVERS)('%s server draining', (_server, createServer) => {
  it.each(CLIENTS)(
    'with a %s client: finishes the call in flight, ends watches, then refuses new calls UNAVAILABLE',
    async (_client, createClient) => {
      const running = await serve(createServer);
      const client = createClient();
      const watch = watchHealth(running.address, '');
      try {
        await waitUntil(() => watch.statuses.includes('SERVING'), { what: 'the watch' });
        const inFlight = client.call(
          running.address,
          '/test.Conformance/Hold',
          Buffer.from('last'),
          new Metadata(),
          soon(),
        );
        await waitUntil(() => held.length === 1, { what: 'the call to arrive' });
        running.health.set('NOT_SERVING');
        let drained = false;
        const draining = running.server.drain(5000).then(() => (drained = true));
        await waitUntil(() => watch.ended.code !== undefined, { what: 'the watch to end' });
        expect(watch.statuses).toEqual(['SERVING', 'NOT_SERVING']);
        expect(watch.ended.code).toBe(Status.UNAVAILABLE);
        expect(drained).toBe(false);
        held.splice(0).forEach((release) => release());
        expect(String(await inFlight)).toBe('last');
        await draining;
        const after = await failureOf(
          client.call(
            running.address,
            '/test.Conformance/Echo',
            Buffer.from('x'),
            new Metadata(),
            soon(),
          ),
        );
        expect(after.code).toBe(Status.UNAVAILABLE);
      } finally {
        watch.close();
        client.close();
      }
    },
  );

  it('cancels what is still in flight once the drain timeout has passed', async () => {
    const running = await serve(createServer);
    const client = new Http2Transport();
    try {
      const inFlight = failureOf(
        client.call(
          running.address,
          '/test.Conformance/Hold',
          Buffer.from('stuck'),
          new Metadata(),
          soon(),
        ),
      );
      await waitUntil(() => held.length === 1, { what: 'the call to arrive' });
      const started = Date.now();
      await running.server.drain(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect((await inFlight).code).toBe(Status.UNAVAILABLE);
    } finally {
      held.splice(0).forEach((release) => release());
      client.close();
    }
  });
});
