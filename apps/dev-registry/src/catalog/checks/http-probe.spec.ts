import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CheckDefinition } from '../model';
import { probeHttp } from './http-probe';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const httpCheck = (url: string, timeoutMs: number) =>
  ({
    HTTP: url,
    Method: '',
    Header: {},
    Body: '',
    DisableRedirects: false,
    TLSSkipVerify: false,
    TLSServerName: '',
    Timeout: timeoutMs * 1e6,
  }) as unknown as CheckDefinition;

describe('probeHttp', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Answers /ok at once; anything else never answers.
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('fine');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('times a hanging endpoint out even when a garbage collection runs while it waits', async () => {
    const started = performance.now();
    const probe = probeHttp(httpCheck(`${url}/hang`, 300), 4096, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
    const result = await probe;
    expect(result).toEqual({
      status: 'critical',
      output: `Get "${url}/hang": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it('stops at once when the check is stopped, which is not a timeout', async () => {
    const stop = new AbortController();
    const probe = probeHttp(httpCheck(`${url}/hang`, 10_000), 4096, stop.signal);
    stop.abort();
    const result = await probe;
    expect(result.status).toBe('critical');
    expect(result.output).not.toContain('deadline exceeded');
  });

  it('answers passing with the body when the endpoint answers in time', async () => {
    const result = await probeHttp(
      httpCheck(`${url}/ok`, 1000),
      4096,
      new AbortController().signal,
    );
    expect(result).toEqual({
      status: 'passing',
      output: `HTTP GET ${url}/ok: 200 OK Output: fine`,
    });
  });
});
