import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '../process/wait-until';
import { OtlpLogForwarder } from './otlp-log-forwarder';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: {
    resourceLogs: {
      resource: { attributes: { key: string; value: { stringValue: string } }[] };
      scopeLogs: {
        scope: { name: string };
        logRecords: {
          severityNumber: number;
          severityText: string;
          body: { stringValue: string };
          traceId?: string;
          spanId?: string;
          timeUnixNano: string;
        }[];
      }[];
    }[];
  };
}

/** A local OTLP/HTTP logs receiver that keeps every request; `status` is what it answers. */
async function receiver(initialStatus = 200) {
  let status = initialStatus;
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next: number) => (status = next),
    records: () =>
      requests.flatMap((r) =>
        r.body.resourceLogs.flatMap((rl) =>
          rl.scopeLogs.flatMap((sl) =>
            sl.logRecords.map((record) => ({
              service: rl.resource.attributes.find((a) => a.key === 'service.name')?.value
                .stringValue,
              ...record,
            })),
          ),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const pinoLine = (level: number, msg: string, extra: object = {}) =>
  JSON.stringify({ level, time: 1_700_000_000_000, pid: 1, msg, ...extra });

describe('OtlpLogForwarder', () => {
  it('sends the lines of each process as OTLP/JSON logs, one resource per process', async () => {
    const otlp = await receiver();
    const forwarder = new OtlpLogForwarder({ url: otlp.url, apiKey: 'key-123' });
    try {
      forwarder.push(
        'gateway',
        pinoLine(50, 'upstream failed', { trace_id: TRACE, span_id: SPAN }),
        'stdout',
      );
      forwarder.push('reviews', pinoLine(30, 'listening'), 'stdout');
      forwarder.push('reviews', 'plain text on stderr', 'stderr');
      await waitUntil(() => otlp.records().length === 3, { what: 'three records' });

      // Pushed in one turn, they travel in one batch.
      expect(otlp.requests).toHaveLength(1);
      const [request] = otlp.requests;
      expect(request.path).toBe('/v1/logs');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-otlp-api-key']).toBe('key-123');
      expect(request.body.resourceLogs.map((rl) => rl.resource.attributes)).toEqual([
        [{ key: 'service.name', value: { stringValue: 'gateway' } }],
        [{ key: 'service.name', value: { stringValue: 'reviews' } }],
      ]);
      expect(request.body.resourceLogs[0].scopeLogs[0].scope).toEqual({
        name: '@junction/launcher',
      });
      expect(otlp.records()).toEqual([
        expect.objectContaining({
          service: 'gateway',
          severityNumber: 17,
          severityText: 'ERROR',
          body: { stringValue: 'upstream failed' },
          traceId: TRACE,
          spanId: SPAN,
          timeUnixNano: '1700000000000000000',
        }),
        expect.objectContaining({
          service: 'reviews',
          severityText: 'INFO',
          body: { stringValue: 'listening' },
        }),
        expect.objectContaining({
          service: 'reviews',
          severityNumber: 9,
          body: { stringValue: 'plain text on stderr' },
        }),
      ]);
      // Counted once the receiver's answer is back, which may be after it stored the records.
      await waitUntil(() => forwarder.stats.sent === 3, { what: 'the batch to be counted' });
      expect(forwarder.stats).toEqual({ sent: 3, dropped: 0, failedBatches: 0 });
    } finally {
      await forwarder.close();
      await otlp.close();
    }
  });

  it('batches a burst into few requests, every line sent once', async () => {
    const otlp = await receiver();
    const forwarder = new OtlpLogForwarder({ url: otlp.url, maxBatch: 500 });
    try {
      for (let i = 0; i < 1200; i++) forwarder.push('catalog', pinoLine(30, `line ${i}`), 'stdout');
      await forwarder.flush();
      const bodies = otlp.records().map((r) => r.body.stringValue);
      expect(bodies).toEqual(Array.from({ length: 1200 }, (_, i) => `line ${i}`));
      expect(otlp.requests.length).toBe(3);
    } finally {
      await forwarder.close();
      await otlp.close();
    }
  });

  it('holds lines until resumed, dropping the oldest past its bound', async () => {
    const otlp = await receiver();
    const forwarder = new OtlpLogForwarder({ url: otlp.url, maxQueue: 3 }, { paused: true });
    try {
      for (const n of [1, 2, 3, 4, 5]) forwarder.push('registry', `line ${n}`, 'stdout');
      await forwarder.flush();
      expect(otlp.requests).toHaveLength(0);
      forwarder.resume();
      await waitUntil(() => otlp.records().length === 3, { what: 'the held lines' });
      expect(otlp.records().map((r) => r.body.stringValue)).toEqual(['line 3', 'line 4', 'line 5']);
      // Counted once the receiver's answer is back, which may be after it stored the records.
      await forwarder.flush();
      expect(forwarder.stats).toEqual({ sent: 3, dropped: 2, failedBatches: 0 });
    } finally {
      await forwarder.close();
      await otlp.close();
    }
  });

  it('counts what a failing console loses, says so once, and once more when it recovers', async () => {
    const otlp = await receiver(503);
    const notices: string[] = [];
    const forwarder = new OtlpLogForwarder({
      url: otlp.url,
      onDeliveryChange: (message) => notices.push(message),
    });
    try {
      for (let batch = 0; batch < 3; batch++) {
        for (let i = 0; i < 10; i++) forwarder.push('orders', `line ${batch}.${i}`, 'stdout');
        await forwarder.flush();
      }
      expect(forwarder.stats).toEqual({ sent: 0, dropped: 30, failedBatches: 3 });
      expect(notices).toEqual([
        `log forwarding to ${otlp.url}/v1/logs failed (HTTP 503); lines are dropped until it answers`,
      ]);

      otlp.answer(200);
      forwarder.push('orders', 'back', 'stdout');
      await forwarder.flush();
      expect(forwarder.stats).toEqual({ sent: 1, dropped: 30, failedBatches: 3 });
      expect(notices).toEqual([
        expect.stringContaining('failed (HTTP 503)'),
        `log forwarding to ${otlp.url}/v1/logs resumed (30 lines lost so far)`,
      ]);
    } finally {
      await forwarder.close();
      await otlp.close();
    }
  });

  it('never makes push wait, even when nothing listens', async () => {
    const gone = await receiver();
    await gone.close();
    const notices: string[] = [];
    const forwarder = new OtlpLogForwarder({
      url: gone.url,
      onDeliveryChange: (m) => notices.push(m),
    });
    const pushed = [...Array(5000).keys()].map((i) =>
      forwarder.push('orders', `line ${i}`, 'stdout'),
    );
    expect(pushed).toHaveLength(5000);
    await forwarder.flush();
    expect(forwarder.stats.dropped).toBe(5000);
    expect(notices).toEqual([expect.stringMatching(/failed \(connect ECONNREFUSED/)]);
    await forwarder.close();
  });
});
