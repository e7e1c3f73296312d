import type { ProcessView } from '@junction/console-api';
import type { ManagedProcess } from '../process/managed-process';
import { waitUntil } from '../process/wait-until';
import { Supervisor } from '../supervision/supervisor';
import { LONG_LIVED, nodeScript } from '../testing/child-processes.fixture';
import { newToken } from './bearer-token';
import { startControlServer, type ControlServer } from './control-server';

describe('control API', () => {
  const token = newToken();
  let supervisor: Supervisor;
  let control: ControlServer;
  const call = (path: string, init: RequestInit = {}, bearer: string | null = token) =>
    fetch(`${control.url}${path}`, {
      ...init,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...init.headers },
    });

  beforeAll(async () => {
    supervisor = new Supervisor();
    let proc: ManagedProcess | undefined;
    await supervisor.startStage(
      new Map([
        [
          'reviews',
          {
            spec: nodeScript('reviews', LONG_LIVED),
            onSpawn: (p: ManagedProcess) => (proc = p),
            ready: async () => proc?.lines.includes('up') ?? false,
          },
        ],
      ]),
    );
    control = await startControlServer({ supervisor, token });
  });
  afterAll(async () => {
    await control.close();
    await supervisor.stopAll();
  });

  it('listens on loopback only', () => {
    expect(control.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['no token', null],
    ['a wrong token', newToken()],
  ])('answers 401 with %s and restarts nothing', async (_, bearer) => {
    const pid = supervisor.get('reviews')!.current!.pid;
    for (const [path, method] of [
      ['/processes', 'GET'],
      ['/processes/reviews/restart', 'POST'],
    ]) {
      const res = await call(path, { method }, bearer);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    expect(supervisor.get('reviews')!.current!.pid).toBe(pid);
  });

  it('refuses browser requests even with the token', async () => {
    const res = await call('/processes', { headers: { origin: 'http://127.0.0.1:8090' } });
    expect(res.status).toBe(403);
  });

  it('lists the processes as ProcessView', async () => {
    const res = await call('/processes');
    expect(res.status).toBe(200);
    const views = (await res.json()) as ProcessView[];
    expect(views).toEqual([
      {
        name: 'reviews',
        state: 'running',
        pid: supervisor.get('reviews')!.current!.pid,
        restarts: 0,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('answers 404 for a process it does not run', async () => {
    const res = await call('/processes/nope/restart', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, detail: 'no process named "nope"' });
    expect((await call('/elsewhere')).status).toBe(404);
  });

  it('answers 405 for the wrong method', async () => {
    const res = await call('/processes/reviews/restart');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('restarts a process: 202 with its view, then it runs as a new process', async () => {
    const before = supervisor.get('reviews')!.current!.pid;
    const res = await call('/processes/reviews/restart', { method: 'POST' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ name: 'reviews', state: 'stopping', restarts: 1 });

    const again = await call('/processes/reviews/restart', { method: 'POST' });
    expect(again.status).toBe(409);

    const running = await waitUntil(
      async () => {
        const [view] = (await (await call('/processes')).json()) as ProcessView[];
        return view.state === 'running' && view.pid !== before ? view : undefined;
      },
      { what: 'reviews running as a new process' },
    );
    expect(running.restarts).toBe(1);
  });
});
