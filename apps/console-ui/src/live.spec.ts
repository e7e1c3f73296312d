import { LiveStore, type LiveSource } from './live';
import type { LiveState } from './live.reducer';

// Jest runs in Node, which has no EventSource: this stands in for the
// browser's, with the behaviour the store relies on (readyState after an error).
class ScriptedSource implements LiveSource {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: { data: string }) => void)[]>();

  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  connect(): void {
    this.readyState = 1;
    this.push('open', '');
  }
  push(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.push('error', '');
  }
}

describe('LiveStore', () => {
  let opened: { url: string; source: ScriptedSource }[];
  let store: LiveStore;
  const open = (url: string): ScriptedSource => {
    const source = new ScriptedSource();
    opened.push({ url, source });
    return source;
  };

  beforeEach(() => {
    jest.useFakeTimers();
    opened = [];
    store = new LiveStore(open, { backoffMs: [100, 400] });
  });
  afterEach(() => {
    store.stop();
    jest.useRealTimers();
  });

  it('opens /api/live and goes live on open', () => {
    store.start();
    expect(opened.map((o) => o.url)).toEqual(['/api/live']);
    expect(store.getState().status).toBe('connecting');
    opened[0]!.source.connect();
    expect(store.getState().status).toBe('live');
  });

  it('applies pushed events and tells event listeners', () => {
    const seen: unknown[] = [];
    const states: LiveState[] = [];
    store.subscribe((state) => states.push(state));
    store.onEvent('traces', (traces) => seen.push(traces.map((t) => t.traceId)));
    store.start();
    opened[0]!.source.push('store', JSON.stringify({ spans: 7 }));
    opened[0]!.source.push(
      'traces',
      JSON.stringify([{ traceId: 'abc', startTimeUnixNano: '1', services: [] }]),
    );
    expect(store.getState().store).toEqual({ spans: 7 });
    expect(seen).toEqual([['abc']]);
    expect(states).toHaveLength(2);
  });

  it('ignores a message that is not JSON', () => {
    store.start();
    opened[0]!.source.push('services', '{not json');
    expect(store.getState().services).toBeUndefined();
  });

  it('shows reconnecting while the browser retries, and live again after', () => {
    store.start();
    const { source } = opened[0]!;
    source.connect();
    source.fail(0);
    expect(store.getState().status).toBe('reconnecting');
    jest.advanceTimersByTime(10_000);
    expect(opened).toHaveLength(1); // the browser's own retry, not a second stream
    source.connect();
    expect(store.getState().status).toBe('live');
  });

  it('reopens a stream the browser closed, backing off', () => {
    store.start();
    opened[0]!.source.connect();
    opened[0]!.source.fail(2);
    expect(opened[0]!.source.closed).toBe(true);
    jest.advanceTimersByTime(99);
    expect(opened).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(opened).toHaveLength(2);
    opened[1]!.source.fail(2);
    jest.advanceTimersByTime(399);
    expect(opened).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(opened).toHaveLength(3);
    opened[2]!.source.connect();
    expect(store.getState().status).toBe('live');
  });

  it('stops reconnecting once stopped', () => {
    store.start();
    opened[0]!.source.fail(2);
    store.stop();
    jest.advanceTimersByTime(10_000);
    expect(opened).toHaveLength(1);
  });
});
