import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApi } from './api';

interface Seen {
  method: string;
  url: string;
  contentType?: string;
  body: string;
}

// A real HTTP server answering as the console does, so the wrappers are
// exercised through fetch, status codes and content types.
describe('console API client', () => {
  let server: Server;
  let seen: Seen[];
  let answer: (req: IncomingMessage, res: ServerResponse) => void;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({
          method: req.method!,
          url: req.url!,
          contentType: req.headers['content-type'],
          body,
        });
        answer(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = createApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    seen = [];
  });

  const json =
    (status: number, body: unknown, type = 'application/json') =>
    (_: IncomingMessage, res: ServerResponse) => {
      res.writeHead(status, { 'content-type': type });
      res.end(JSON.stringify(body));
    };

  it('sends the trace filters as a query string', async () => {
    answer = json(200, { traces: [], store: {} });
    await api.traces({ service: 'reviews', status: 'error', minDurationMs: 250, route: '' });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/traces?service=reviews&status=error&minDurationMs=250',
    });
  });

  it('puts a breaker command as JSON', async () => {
    answer = (_, res) => {
      res.writeHead(204);
      res.end();
    };
    await expect(
      api.forceBreaker('reviews', { state: 'open', method: 'ListReviews' }),
    ).resolves.toBeUndefined();
    expect(seen[0]).toEqual({
      method: 'PUT',
      url: '/api/breakers/reviews',
      contentType: 'application/json',
      body: '{"state":"open","method":"ListReviews"}',
    });
  });

  it('restarts with an empty POST that carries no content type', async () => {
    answer = json(202, { name: 'reviews', state: 'starting', restarts: 1 });
    await expect(api.restartProcess('reviews')).resolves.toMatchObject({ state: 'starting' });
    expect(seen[0]).toEqual({ method: 'POST', url: '/api/processes/reviews/restart', body: '' });
  });

  it('escapes path segments', async () => {
    answer = json(
      404,
      { type: 'about:blank', title: 'Not Found', status: 404 },
      'application/problem+json',
    );
    await expect(api.trace('../services')).rejects.toBeInstanceOf(ApiError);
    expect(seen[0]!.url).toBe('/api/traces/..%2Fservices');
  });

  it('throws the problem a refused write answers with', async () => {
    answer = json(
      400,
      {
        type: 'https://junction.dev/problems/invalid-config',
        title: 'Invalid runtime config',
        status: 400,
        detail: 'junction/config/gateway was not written',
        errors: ['rateLimit.points: must be a positive integer'],
      },
      'application/problem+json',
    );
    const error = await api
      .putConfig('gateway', { rateLimit: { points: -1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem).toMatchObject({
      title: 'Invalid runtime config',
      errors: ['rateLimit.points: must be a positive integer'],
    });
  });

  it('makes a problem out of a non-JSON error answer', async () => {
    answer = (_, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/plain' });
      res.end('upstream down');
    };
    const error = (await api.services().catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: 'upstream down',
    });
  });

  it('reads an unset fault document as undefined', async () => {
    answer = json(
      404,
      { type: 'about:blank', title: 'Not Found', status: 404 },
      'application/problem+json',
    );
    await expect(api.faults('reviews')).resolves.toBeUndefined();
  });

  it('accepts logs as a list or wrapped', async () => {
    const line = {
      timeUnixNano: '1',
      service: 'catalog',
      level: 'info',
      message: 'hi',
      attributes: {},
    };
    answer = json(200, [line]);
    await expect(api.logs({ traceId: 'abc' })).resolves.toEqual([line]);
    expect(seen[0]!.url).toBe('/api/logs?traceId=abc');
    answer = json(200, { logs: [line] });
    await expect(api.logs({})).resolves.toEqual([line]);
  });

  it('reports an unreachable console as status 0', async () => {
    const unreachable = createApi('http://127.0.0.1:1');
    const error = (await unreachable.services().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });
});
