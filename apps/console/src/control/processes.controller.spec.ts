import type { ProcessView } from '@junction/console-api';
import { startControlServer, UnknownProcessError, type ControlServer } from '@junction/launcher';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole, TEST_TOKEN } from '../console.fixture';

/** The launcher's real control API over a supervisor of two pretend processes. */
function supervisorOf(views: ProcessView[]) {
  return {
    views: () => views,
    restart: (name: string): ProcessView => {
      const index = views.findIndex((view) => view.name === name);
      if (index < 0) throw new UnknownProcessError(`no process ${name}`);
      views[index] = { ...views[index]!, state: 'starting', restarts: views[index]!.restarts + 1 };
      return views[index]!;
    },
  };
}

describe('processes through the launcher’s control API', () => {
  let launcher: ControlServer;
  let consoleApp: RunningConsole;
  const launcherToken = 'launcher-token-0123456789';

  beforeAll(async () => {
    launcher = await startControlServer({
      supervisor: supervisorOf([
        { name: 'gateway', state: 'running', pid: 101, restarts: 0 },
        { name: 'reviews', state: 'exited', exitCode: null, signal: 'SIGKILL', restarts: 0 },
      ]),
      token: launcherToken,
    });
    consoleApp = await startTestConsole({
      JUNCTION_LAUNCHER_URL: launcher.url,
      JUNCTION_LAUNCHER_TOKEN: launcherToken,
    });
  });
  afterAll(async () => {
    await consoleApp.close();
    await launcher.close();
  });

  it('lists what the launcher runs', async () => {
    const res = await send(consoleApp.url, { path: '/api/processes' });
    expect(res.status).toBe(200);
    expect(res.json<ProcessView[]>().map((p) => [p.name, p.state])).toEqual([
      ['gateway', 'running'],
      ['reviews', 'exited'],
    ]);
  });

  it('restarts a process with 202 when the token allows it', async () => {
    const restart = (headers: Record<string, string>) =>
      send(consoleApp.url, { method: 'POST', path: '/api/processes/reviews/restart', headers });
    expect((await restart({})).status).toBe(401);
    const res = await restart({ authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(202);
    expect(res.json()).toMatchObject({ name: 'reviews', state: 'starting', restarts: 1 });
  });

  it('passes on a process the launcher does not run as 404', async () => {
    const res = await send(consoleApp.url, {
      method: 'POST',
      path: '/api/processes/nope/restart',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(res.status).toBe(404);
  });
});
