import type { ManagedProcess } from '../process/managed-process';
import { waitUntil } from '../process/wait-until';
import { LONG_LIVED, nodeScript } from '../testing/child-processes.fixture';
import type { SupervisorEvent } from './supervised-process';
import { Supervisor, type SupervisedApp, type SupervisorOptions } from './supervisor';

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Children that print "up" and live on: ready once "up" is printed. */
function longLived(names: string[]): Map<string, SupervisedApp> {
  return new Map(
    names.map((name) => {
      let proc: ManagedProcess | undefined;
      return [
        name,
        {
          spec: nodeScript(name, LONG_LIVED),
          onSpawn: (p: ManagedProcess) => (proc = p),
          ready: async () => proc?.lines.includes('up') ?? false,
        },
      ];
    }),
  );
}

describe('Supervisor', () => {
  let supervisor: Supervisor;
  let events: SupervisorEvent[];
  const supervise = (options: SupervisorOptions = {}) => {
    events = [];
    supervisor = new Supervisor({ onEvent: (event) => events.push(event), ...options });
    return supervisor;
  };
  afterEach(() => supervisor.stopAll());

  it('reports a process that dies and keeps every other one running', async () => {
    supervise();
    await supervisor.startStage(longLived(['registry']));
    await supervisor.startStage(longLived(['catalog', 'reviews']));
    const reviews = supervisor.get('reviews')!.current!;
    reviews.signal('SIGKILL');
    await waitUntil(() => events.find((e) => e.kind === 'exited'), { what: 'the exit report' });

    expect(events).toEqual([
      {
        kind: 'exited',
        name: 'reviews',
        code: null,
        signal: 'SIGKILL',
        message:
          'reviews exited unexpectedly (code null, signal SIGKILL); the other processes keep running',
      },
    ]);
    const views = Object.fromEntries(supervisor.views().map((view) => [view.name, view]));
    expect(views.reviews).toMatchObject({ state: 'exited', exitCode: null, signal: 'SIGKILL' });
    expect(views.catalog.state).toBe('running');
    expect(views.registry.state).toBe('running');
    expect(alive(views.catalog.pid)).toBe(true);
    expect(alive(views.registry.pid)).toBe(true);
  });

  it('brings an exited process back on restart, as a new process', async () => {
    supervise();
    await supervisor.startStage(longLived(['reviews']));
    const first = supervisor.get('reviews')!.current!;
    first.signal('SIGKILL');
    await first.exited;

    const view = supervisor.restart('reviews');
    expect(view).toMatchObject({ name: 'reviews', state: 'starting', restarts: 1 });
    await waitUntil(() => supervisor.get('reviews')!.view().state === 'running', {
      what: 'reviews running again',
    });
    const again = supervisor.get('reviews')!.view();
    expect(again.pid).not.toBe(first.pid);
    expect(alive(again.pid)).toBe(true);
    expect(again.exitCode).toBeUndefined();
    expect(events.map((e) => e.kind)).toEqual(['exited', 'restarted']);
  });

  it('restarts a running process by stopping it first, without calling that an exit', async () => {
    supervise();
    await supervisor.startStage(longLived(['catalog']));
    const first = supervisor.get('catalog')!.current!;
    expect(supervisor.restart('catalog').state).toBe('stopping');
    expect(() => supervisor.restart('catalog')).toThrow('catalog is stopping');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGTERM' });
    await waitUntil(() => supervisor.get('catalog')!.view().state === 'running', {
      what: 'catalog running again',
    });
    expect(supervisor.get('catalog')!.current!.pid).not.toBe(first.pid);
    expect(events.map((e) => e.kind)).toEqual(['restarted']);
  });

  it('does not restart on its own unless asked', async () => {
    supervise();
    await supervisor.startStage(longLived(['orders']));
    supervisor.get('orders')!.current!.signal('SIGKILL');
    await waitUntil(() => events.length > 0, { what: 'the exit report' });
    // Auto-restart is scheduled in the same turn as the report, so none means none.
    expect(events.map((e) => e.kind)).toEqual(['exited']);
    expect(supervisor.get('orders')!.view()).toMatchObject({ state: 'exited', restarts: 0 });
  });

  it('restarts a crashing process with doubling delays when auto-restart is on', async () => {
    supervise({ autoRestart: { initialDelayMs: 40, maxDelayMs: 160, resetAfterMs: 60_000 } });
    const spawnedAt: number[] = [];
    let runs = 0;
    // Ready at once, then exits 1 on its own: a crash loop.
    await supervisor.startStage(
      new Map([
        [
          'flaky',
          {
            spec: nodeScript('flaky', 'setTimeout(() => process.exit(1), 20)'),
            onSpawn: () => {
              spawnedAt.push(Date.now());
              runs++;
            },
          },
        ],
      ]),
    );
    await waitUntil(() => runs >= 5, { what: 'four automatic restarts', timeoutMs: 10_000 });

    const scheduled = events.filter((e) => e.kind === 'restart-scheduled');
    expect(scheduled.slice(0, 4).map((e) => [e.delayMs, e.attempt])).toEqual([
      [40, 0],
      [80, 1],
      [160, 2],
      [160, 3],
    ]);
    for (let i = 1; i < 5; i++) {
      expect(spawnedAt[i] - spawnedAt[i - 1]).toBeGreaterThanOrEqual([40, 80, 160, 160][i - 1]);
    }
    expect(supervisor.get('flaky')!.view().restarts).toBeGreaterThanOrEqual(4);
    await supervisor.stopAll();
    expect(['stopped', 'exited']).toContain(supervisor.get('flaky')!.view().state);
    expect(() => supervisor.restart('flaky')).toThrow('the launcher is stopping');
  });

  it('stops every process, the last stage first, killing one that ignores SIGTERM', async () => {
    supervise({ graceMs: 300 });
    const order: string[] = [];
    const stage = (name: string, script: string) => {
      let proc: ManagedProcess | undefined;
      return new Map([
        [
          name,
          {
            spec: nodeScript(name, script),
            onSpawn: (p: ManagedProcess) => {
              proc = p;
              void p.exited.then(() => order.push(name));
            },
            ready: async () => proc?.lines.includes('up') ?? false,
          },
        ],
      ]);
    };
    await supervisor.startStage(stage('registry', LONG_LIVED));
    await supervisor.startStage(
      stage('stubborn', `process.on("SIGTERM", () => {}); ${LONG_LIVED}`),
    );
    const stubborn = supervisor.get('stubborn')!.current!;
    await supervisor.stopAll();

    expect(order).toEqual(['stubborn', 'registry']);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(supervisor.views().map((view) => view.state)).toEqual(['stopped', 'stopped']);
    expect(events).toEqual([]);
  });

  it('fails a stage whose process exits while starting, with what it printed', async () => {
    supervise();
    await expect(
      supervisor.startStage(
        new Map([
          [
            'broken',
            {
              spec: nodeScript('broken', 'console.error("EADDRINUSE"); process.exit(1)'),
              ready: async () => false,
            },
          ],
        ]),
      ),
    ).rejects.toThrow('broken exited while starting:\nEADDRINUSE');
    expect(events).toEqual([]);
  });
});
