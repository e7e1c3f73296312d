import type { LogView } from '@junction/console-api';
import { OtlpLogForwarder } from '@junction/launcher';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole } from '../console.fixture';

describe('log lines forwarded by the launcher', () => {
  let consoleApp: RunningConsole;

  beforeAll(async () => {
    consoleApp = await startTestConsole();
  });
  afterAll(() => consoleApp.close());

  it('are stored with their level, message, trace context and fields', async () => {
    const forwarder = new OtlpLogForwarder({ url: consoleApp.otlpUrl, flushIntervalMs: 10 });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    forwarder.push(
      'gateway',
      JSON.stringify({
        level: 40,
        time: Date.now(),
        msg: 'slow upstream',
        trace_id: traceId,
        span_id: '00f067aa0ba902b7',
        upstream: 'reviews',
      }),
      'stdout',
    );
    forwarder.push('gateway', 'not JSON at all', 'stderr');
    await forwarder.flush();
    await forwarder.close();
    expect(forwarder.stats).toMatchObject({ sent: 2, dropped: 0 });

    const logs = (await send(consoleApp.url, { path: '/api/logs?service=gateway' })).json<
      LogView[]
    >();
    expect(logs.map((log) => log.message)).toEqual(['not JSON at all', 'slow upstream']);
    expect(logs[1]).toMatchObject({
      level: 'warn',
      traceId,
      spanId: '00f067aa0ba902b7',
      attributes: expect.objectContaining({ upstream: 'reviews' }),
    });
  });
});
