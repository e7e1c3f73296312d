import type { LogView, ServicesView, TraceSummary } from '@junction/console-api';
import { initialLiveState, mergeLogs, mergeTraces, reduceLive } from './live.reducer';

const trace = (traceId: string, startMs: number, spanCount = 1): TraceSummary => ({
  traceId,
  rootName: 'GET /api/v1/products/:id',
  rootService: 'gateway',
  startTimeUnixNano: (1735689600000000000n + BigInt(startMs) * 1_000_000n).toString(),
  durationMs: 10,
  spanCount,
  services: ['gateway'],
  status: 'ok',
  degraded: [],
});

const log = (message: string, ms: number): LogView => ({
  timeUnixNano: (1735689600000000000n + BigInt(ms) * 1_000_000n).toString(),
  service: 'catalog',
  level: 'info',
  message,
  attributes: {},
});

describe('reduceLive', () => {
  it('replaces snapshots with what was pushed', () => {
    const services: ServicesView = { services: [{ name: 'catalog', instances: [] }], breakers: [] };
    const state = reduceLive(initialLiveState, { type: 'services', data: services });
    expect(state.services).toBe(services);
    const next = reduceLive(state, { type: 'services', data: { services: [], breakers: [] } });
    expect(next.services?.services).toEqual([]);
  });

  it('accumulates traces and logs, which arrive as increments', () => {
    let state = reduceLive(initialLiveState, { type: 'traces', data: [trace('a', 1)] });
    state = reduceLive(state, { type: 'traces', data: [trace('b', 2)] });
    expect(state.traces.map((t) => t.traceId)).toEqual(['b', 'a']);
    state = reduceLive(state, { type: 'logs', data: [log('one', 1), log('two', 2)] });
    expect(state.logs.map((l) => l.message)).toEqual(['two', 'one']);
  });

  it('tracks the connection status without churning on repeats', () => {
    const live = reduceLive(initialLiveState, { type: 'status', status: 'live' });
    expect(live.status).toBe('live');
    expect(reduceLive(live, { type: 'status', status: 'live' })).toBe(live);
  });

  it('applies a restarted process before the next push', () => {
    let state = reduceLive(initialLiveState, {
      type: 'processes',
      data: [
        { name: 'reviews', state: 'exited', exitCode: null, signal: 'SIGKILL', restarts: 0 },
        { name: 'catalog', state: 'running', pid: 10, restarts: 0 },
      ],
    });
    state = reduceLive(state, {
      type: 'process',
      process: { name: 'reviews', state: 'starting', pid: 42, restarts: 1 },
    });
    expect(state.processes?.map((p) => [p.name, p.state])).toEqual([
      ['reviews', 'starting'],
      ['catalog', 'running'],
    ]);
  });
});

describe('mergeTraces', () => {
  it('keeps one row per trace, updated by a later push', () => {
    const merged = mergeTraces([trace('a', 5, 2), trace('b', 1)], [trace('a', 5, 6)], 10);
    expect(merged.map((t) => [t.traceId, t.spanCount])).toEqual([
      ['a', 6],
      ['b', 1],
    ]);
  });

  it('orders newest first and keeps at most the limit', () => {
    const merged = mergeTraces([trace('old', 1)], [trace('new', 3), trace('mid', 2)], 2);
    expect(merged.map((t) => t.traceId)).toEqual(['new', 'mid']);
  });

  it('returns the same list when nothing arrived', () => {
    const list = [trace('a', 1)];
    expect(mergeTraces(list, [], 10)).toBe(list);
  });
});

describe('mergeLogs', () => {
  it('puts newer lines first, keeping arrival order inside one instant newest first', () => {
    const merged = mergeLogs([log('earlier', 1)], [log('x', 5), log('y', 5), log('late', 9)], 10);
    expect(merged.map((l) => l.message)).toEqual(['late', 'y', 'x', 'earlier']);
  });

  it('drops the oldest past the limit', () => {
    expect(mergeLogs([log('a', 1)], [log('b', 2)], 1).map((l) => l.message)).toEqual(['b']);
  });
});
