import { waitUntil } from '@junction/test-support';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { latencyFigures, steadyLoad } from './steady-load';

describe('latencyFigures', () => {
  it('gives nearest-rank percentiles and the maximum', () => {
    const answers = Array.from({ length: 100 }, (_, i) => ({ ms: i + 1 }));
    expect(latencyFigures(answers)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('is NaN for no answers rather than a misleading zero', () => {
    expect(latencyFigures([]).p90).toBeNaN();
  });
});

describe('steadyLoad', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    let n = 0;
    server = createServer((req, res) => {
      // Every third answer fails, so counting by status is visible.
      const status = ++n % 3 === 0 ? 503 : 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('keeps every answer with its status and parsed body, and counts them', async () => {
    const load = steadyLoad(baseUrl, { workers: 2, path: (n) => `/p/${n}` });
    await waitUntil(() => load.snapshot().total >= 30, { what: '30 answers' });
    const result = await load.stop();
    expect(result.total).toBe(result.answers.length);
    expect(result.statuses[200]! + result.statuses[503]!).toBe(result.total);
    expect(result.failed).toBe(result.statuses[503]);
    expect(result.answers[0]!.body).toEqual({ path: '/p/0' });
  });

  it('counts a request without an answer as status 0', async () => {
    const load = steadyLoad('http://127.0.0.1:1', { workers: 1, maxMs: 200 });
    const result = await load.stop();
    expect(result.total).toBeGreaterThan(0);
    expect(result.statuses[0]).toBe(result.total);
  });
});
