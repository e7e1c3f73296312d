// The console in-process on free ports, fed by the real OpenTelemetry SDK
// and OTLP/HTTP exporters (JSON, and gzipped protobuf) in a child process,
// read back through its HTTP API.
import type { LiveEvents, LogView, TraceList, TraceView } from '@junction/console-api';
import { get as httpGet } from 'node:http';
import type { RunningConsole } from './console.app';
import { send, startTestConsole } from './console.fixture';
import { exportWithSdk } from './testing/otlp-export.fixture';

jest.setTimeout(30_000);

const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>'] as const;

/** The first round of events on /api/live, by event name. */
function firstLiveRound(consoleUrl: string): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = httpGet(
      new URL('/api/live', consoleUrl),
      { headers: { origin: consoleUrl } },
      (res) => {
        if (
          res.statusCode !== 200 ||
          !/^text\/event-stream/.test(res.headers['content-type'] ?? '')
        ) {
          reject(new Error(`live answered ${res.statusCode} ${res.headers['content-type']}`));
        }
        const seen = new Map<string, unknown>();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name && data) seen.set(name, JSON.parse(data));
          }
          if (seen.size === 8) {
            req.destroy();
            resolve(seen);
          }
        });
      },
    );
    req.on('error', reject);
  });
}

describe('the console, fed by real OTLP exporters', () => {
  let consoleApp: RunningConsole;
  const get = async <T>(path: string): Promise<T> => {
    const res = await send(consoleApp.url, { path });
    expect(res.status).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    consoleApp = await startTestConsole();
  });
  afterAll(() => consoleApp.close());

  it('stores a trace exported over OTLP/JSON and serves it as a TraceView', async () => {
    const [root, client] = await exportWithSdk({
      url: consoleApp.otlpUrl,
      service: 'gateway',
      spans: [
        {
          name: 'GET /api/v1/products/:id',
          kind: 'SERVER',
          attributes: {
            'http.route': '/api/v1/products/:id',
            'http.response.status_code': 200,
            'junction.degraded': 'reviews',
          },
        },
        {
          name: 'reviews.v1.ReviewsService/GetSummary',
          kind: 'CLIENT',
          parent: 0,
          attributes: { 'peer.service': 'reviews' },
          events: [{ name: 'fallback', attributes: { 'junction.fallback.cause': 'breaker-open' } }],
        },
      ],
    });

    const view = await get<TraceView>(`/api/traces/${root!.traceId}`);
    expect(view.traceId).toBe(root!.traceId);
    expect(view.spans.map((s) => [s.spanId, s.name, s.kind, s.service, s.parentSpanId])).toEqual([
      [root!.spanId, 'GET /api/v1/products/:id', 'SERVER', 'gateway', ''],
      [client!.spanId, 'reviews.v1.ReviewsService/GetSummary', 'CLIENT', 'gateway', root!.spanId],
    ]);
    expect(view.spans[1]!.events[0]).toMatchObject({
      name: 'fallback',
      attributes: { 'junction.fallback.cause': 'breaker-open' },
    });

    const list = await get<TraceList>('/api/traces?status=degraded&route=/api/v1/products/:id');
    expect(list.traces[0]).toMatchObject({
      traceId: root!.traceId,
      status: 'degraded',
      degraded: ['reviews'],
      spanCount: 2,
      rootService: 'gateway',
    });
    expect(list.store.spans).toBeGreaterThanOrEqual(2);
  });

  it('stores a trace exported as gzipped protobuf', async () => {
    const [span] = await exportWithSdk({
      url: consoleApp.otlpUrl,
      service: 'catalog',
      encoding: 'protobuf',
      gzip: true,
      spans: [{ name: 'catalog.v1.CatalogService/GetProduct', kind: 'SERVER', error: 'not found' }],
    });
    const view = await get<TraceView>(`/api/traces/${span!.traceId}`);
    expect(view.spans).toEqual([
      expect.objectContaining({
        service: 'catalog',
        kind: 'SERVER',
        status: { code: 'ERROR', message: 'not found' },
      }),
    ]);
    const [summary] = await get<TraceList>('/api/traces?status=error&service=catalog').then(
      (l) => l.traces,
    );
    expect(summary?.traceId).toBe(span!.traceId);
  });

  it('keeps markup in span names, attributes and events verbatim, as JSON strings', async () => {
    const [span] = await exportWithSdk({
      url: consoleApp.otlpUrl,
      service: XSS[0],
      spans: [
        {
          name: XSS[1],
          attributes: { [XSS[0]]: XSS[1], note: XSS.join(' ') },
          events: [{ name: XSS[0], attributes: { [XSS[1]]: XSS[0] } }],
        },
      ],
    });
    const res = await send(consoleApp.url, { path: `/api/traces/${span!.traceId}` });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const [stored] = res.json<TraceView>().spans;
    expect(stored).toMatchObject({
      name: XSS[1],
      service: XSS[0],
      attributes: { [XSS[0]]: XSS[1], note: XSS.join(' ') },
      events: [{ name: XSS[0], attributes: { [XSS[1]]: XSS[0] } }],
    });
    expect(res.text).toContain(JSON.stringify(XSS[1]));
  });

  it('stores log records exported over OTLP and finds them by trace id and level', async () => {
    const traceId = 'ab'.repeat(16);
    await exportWithSdk({
      url: consoleApp.otlpUrl,
      service: 'orders',
      logs: [
        {
          severityNumber: 13,
          severityText: 'warn',
          body: 'stock low',
          traceId,
          spanId: 'cd'.repeat(8),
        },
        { severityNumber: 9, severityText: 'info', body: 'order placed' },
      ],
    });
    expect(await get<LogView[]>(`/api/logs?traceId=${traceId}`)).toEqual([
      expect.objectContaining({
        service: 'orders',
        level: 'warn',
        message: 'stock low',
        spanId: 'cd'.repeat(8),
      }),
    ]);
    expect(
      (await get<LogView[]>('/api/logs?service=orders&level=warn')).map((l) => l.message),
    ).toEqual(['stock low']);
    expect((await get<LogView[]>('/api/logs?q=PLACED')).map((l) => l.message)).toEqual([
      'order placed',
    ]);
  });

  it('pushes LiveEvents over Server-Sent Events, with the recent traces and the call map', async () => {
    const events = await firstLiveRound(consoleApp.url);
    const keys: (keyof LiveEvents)[] = [
      'services',
      'map',
      'routes',
      'edge',
      'processes',
      'traces',
      'logs',
      'store',
    ];
    expect([...events.keys()].sort()).toEqual([...keys].sort());
    expect((events.get('traces') as LiveEvents['traces']).length).toBeGreaterThanOrEqual(3);
    expect((events.get('logs') as LiveEvents['logs']).length).toBe(2);
    expect(events.get('map')).toMatchObject({
      edges: [{ from: 'gateway', to: 'reviews', errorRatio: 0 }],
      windowSeconds: 60,
    });
  });
});
