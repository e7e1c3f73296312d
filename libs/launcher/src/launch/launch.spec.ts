import type { ProcessView } from '@junction/console-api';
import path from 'node:path';
import type { AppDefinition } from '../apps/app-set';
import { waitUntil } from '../process/wait-until';
import { freePorts, WORKSPACE } from '../testing/child-processes.fixture';
import { launch, type LauncherEvent, type RunningPlatform } from './launch';

const fixture = (file: string) => path.join('libs', 'launcher', 'src', 'testing', file);
const APPS: AppDefinition[] = [
  // Listed out of order: the launcher starts by role.
  {
    name: 'console',
    project: 'console',
    role: 'console',
    main: fixture('fake-console.fixture.mjs'),
  },
  {
    name: 'registry',
    project: 'dev-registry',
    role: 'registry',
    main: fixture('fake-registry.fixture.mjs'),
  },
];

interface Received {
  service: string;
  body: { stringValue: string };
  severityText: string;
  traceId?: string;
}

describe('launch', () => {
  let platform: RunningPlatform;
  let consoleUrl: string;
  const events: LauncherEvent[] = [];
  const lines: string[] = [];
  const control = (pathname: string, method = 'GET') =>
    fetch(`${platform.control.url}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${platform.control.token}` },
    });

  beforeAll(async () => {
    const [registry, consolePort, otlp] = await freePorts(3);
    platform = await launch({
      workspaceRoot: WORKSPACE,
      apps: APPS,
      ports: { apps: { registry, console: consolePort }, consoleOtlp: otlp },
      forwardLogs: true,
      onLine: (name, line) => lines.push(`${name}: ${line}`),
      onEvent: (event) => events.push(event),
    });
    consoleUrl = `http://127.0.0.1:${consolePort}`;
  });
  afterAll(() => platform?.stop());

  it('starts the registry before the console and gives the console its token and the control API', async () => {
    expect(platform.console).toEqual({
      url: consoleUrl,
      uiUrl: `${consoleUrl}/?token=${platform.console!.token}`,
      otlpUrl: `http://127.0.0.1:${platform.ports.consoleOtlp}`,
      token: expect.stringMatching(/^[\w-]{43}$/),
    });
    const settings = await (await fetch(`${consoleUrl}/settings`)).json();
    expect(settings).toEqual({
      CONSOLE_TOKEN: platform.console!.token,
      CONSUL_HTTP_ADDR: platform.consulAddress,
      CONSOLE_OTLP_PORT: String(platform.ports.consoleOtlp),
    });
    // The console called GET /processes with what it was given, while it was starting.
    const answer = await waitUntil(
      () => lines.find((line) => line.startsWith('console: launcher answered')),
      { what: 'the console to call the control API' },
    );
    const [, status, body] = /answered (\d+) (.*)$/.exec(answer)!;
    expect(status).toBe('200');
    const views = JSON.parse(body) as ProcessView[];
    expect(views.map((v) => v.name)).toEqual(['registry', 'console']);
    expect(views[0].state).toBe('running');
    // It called as it came up: ready or about to be.
    expect(['starting', 'running']).toContain(views[1].state);
  });

  it('forwards every line to the console, including those printed before it was up', async () => {
    const received = await waitUntil(
      async () => {
        const records = (await (await fetch(`${consoleUrl}/received`)).json()) as Received[];
        return records.some((r) => r.service === 'console') ? records : undefined;
      },
      { what: 'the forwarded lines' },
    );
    expect(received).toContainEqual(
      expect.objectContaining({
        service: 'registry',
        body: { stringValue: 'registry listening' },
        severityText: 'INFO',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      }),
    );
    expect(received).toContainEqual(
      expect.objectContaining({
        service: 'console',
        body: { stringValue: expect.stringMatching(/^launcher answered 200 /) },
      }),
    );
  });

  it('keeps the console up when the registry dies, and restarts it on request', async () => {
    const registry = platform.supervisor.get('registry')!.current!;
    registry.signal('SIGKILL');
    await registry.exited;
    await waitUntil(() => events.some((e) => e.kind === 'exited' && e.name === 'registry'), {
      what: 'the exit report',
    });
    const views = (await (await control('/processes')).json()) as ProcessView[];
    expect(views.map((v) => [v.name, v.state])).toEqual([
      ['registry', 'exited'],
      ['console', 'running'],
    ]);
    expect((await fetch(`${consoleUrl}/healthz`)).status).toBe(200);

    expect((await control('/processes/registry/restart', 'POST')).status).toBe(202);
    await waitUntil(() => platform.supervisor.get('registry')!.view().state === 'running', {
      what: 'the registry running again',
    });
  });

  it('stops the processes and the control API', async () => {
    const pids = platform.supervisor.views().map((v) => v.pid!);
    await platform.stop();
    expect(platform.supervisor.views().map((v) => v.state)).toEqual(['stopped', 'stopped']);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(control('/processes')).rejects.toThrow();
  });
});
