import type { ProblemView, ServicesView } from '@junction/console-api';
import { waitUntil } from '@junction/testing';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole } from '../console.fixture';

describe('the read API’s refusals', () => {
  let consoleApp: RunningConsole;
  const get = (path: string) => send(consoleApp.url, { path });

  beforeAll(async () => {
    consoleApp = await startTestConsole();
  });
  afterAll(() => consoleApp.close());

  it.each([
    ['/api/traces?status=broken', 'status: must be one of ok, error, degraded'],
    ['/api/traces?limit=0', 'limit'],
    ['/api/traces?limit=1.5', 'limit'],
    ['/api/traces?limit=5000', 'limit'],
    ['/api/traces?minDurationMs=soon', 'minDurationMs: must be a number'],
    ['/api/traces?minDurationMs=-1', 'minDurationMs'],
    ['/api/traces?service=a&service=b', 'service: given more than once'],
    ['/api/traces?colour=red', 'colour'],
    ['/api/logs?level=loud', 'level'],
    ['/api/logs?traceId=ABC', 'traceId: must be 32 lowercase hex digits'],
    ['/api/logs?q=' + 'x'.repeat(300), 'q'],
  ])('%s is a 400 that names the parameter', async (path, problem) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<ProblemView>();
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(body.errors?.join('\n')).toContain(problem);
  });

  it('takes empty parameters as not given', async () => {
    const res = await get('/api/traces?service=&route=&status=&minDurationMs=&limit=');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      traces: [],
      store: { spans: 0, capacity: 100_000, logCapacity: 50_000 },
    });
  });

  it.each(['/api/traces/xyz', `/api/traces/${'A'.repeat(32)}`, `/api/traces/${'a'.repeat(31)}`])(
    '%s is not a trace id: 400',
    async (path) => {
      expect((await get(path)).status).toBe(400);
    },
  );

  it('answers 404 for a trace it does not hold, and for no such route', async () => {
    const res = await get(`/api/traces/${'a'.repeat(32)}`);
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, title: 'Not Found' });
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await get('/api/nothing')).headers['content-type']).toMatch(
      /^application\/problem\+json/,
    );
  });

  it('says the processes API needs npm start when there is no launcher', async () => {
    const res = await get('/api/processes');
    expect(res.status).toBe(404);
    expect(res.json<ProblemView>().detail).toContain('not started by npm start');
  });

  it('reports a registry it cannot read instead of failing', async () => {
    const view = await waitUntil(
      async () => {
        const services = (await get('/api/services')).json<ServicesView>();
        return services.registryError ? services : undefined;
      },
      { what: 'a failed registry read' },
    );
    expect(view).toMatchObject({ services: [], breakers: [], registryError: expect.any(String) });
  });

  it('answers a short text page at / when the UI is not built', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('not built');
  });
});
