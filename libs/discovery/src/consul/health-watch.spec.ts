import type { HealthAnswer, HealthSource } from './health-source.port';
import { HealthWatch, type HealthWatchOptions } from './health-watch';
import { waitUntil } from '@junction/test-support';

const entry = (id: string, port: number, address = '127.0.0.1') => ({
  Node: { Address: '10.0.0.1' },
  Service: { ID: id, Service: 'catalog', Address: address, Port: port, Meta: null },
});

type Step = HealthAnswer | Error;

/** A source that plays a script of answers, then blocks until stopped. */
function scripted(steps: Step[]) {
  const seen: bigint[] = [];
  const source: HealthSource = (_service, index, _wait, signal) => {
    seen.push(index);
    const step = steps.shift();
    if (!step)
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  return { source, seen };
}

const options = (
  source: HealthSource,
  extra: Partial<HealthWatchOptions> = {},
): HealthWatchOptions => ({
  service: 'catalog',
  source,
  waitMs: 30_000,
  backoff: { initialMs: 100, maxMs: 1_000 },
  burst: 2,
  minIntervalMs: 1_000,
  sleep: async () => undefined,
  random: () => 0.5,
  ...extra,
});

describe('HealthWatch', () => {
  let watch: HealthWatch | undefined;
  afterEach(() => watch?.stop());

  it('publishes the passing instances and blocks on the index it was given', async () => {
    const { source, seen } = scripted([
      { index: 7n, body: [entry('c1', 9101), entry('c2', 20061, '')] },
    ]);
    watch = new HealthWatch(options(source));
    await waitUntil(() => seen.length === 2);
    expect(watch.state).toBe('ok');
    expect(watch.instances).toEqual([
      { id: 'c1', address: '127.0.0.1:9101' },
      { id: 'c2', address: '10.0.0.1:20061' },
    ]);
    expect(seen).toEqual([0n, 7n]);
  });

  it('starts over from index 0 when the index goes backwards', async () => {
    const { source, seen } = scripted([
      { index: 50n, body: [entry('c1', 1)] },
      { index: 3n, body: [entry('c1', 1)] },
    ]);
    watch = new HealthWatch(options(source));
    await waitUntil(() => seen.length === 3);
    expect(seen).toEqual([0n, 50n, 0n]);
  });

  it('never trusts an index of 0', async () => {
    const { source, seen } = scripted([{ index: 0n, body: [] }]);
    watch = new HealthWatch(options(source));
    await waitUntil(() => seen.length === 2);
    expect(seen[1]).toBe(1n);
  });

  it('empties the list when the last instance leaves', async () => {
    const changes: number[] = [];
    const { source, seen } = scripted([
      { index: 5n, body: [entry('c1', 1)] },
      { index: 6n, body: [] },
    ]);
    watch = new HealthWatch(options(source, { onChange: (list) => changes.push(list.length) }));
    await waitUntil(() => seen.length === 3);
    expect(watch.instances).toEqual([]);
    expect(watch.state).toBe('ok');
    expect(changes).toEqual([1, 0]);
  });

  it('keeps the last known good list, marked stale, while the registry is unreachable', async () => {
    const { source, seen } = scripted([
      { index: 5n, body: [entry('c1', 1)] },
      new Error('ECONNREFUSED'),
      new Error('ECONNREFUSED'),
    ]);
    watch = new HealthWatch(options(source));
    await waitUntil(() => seen.length === 4);
    expect(watch.state).toBe('stale');
    expect(watch.instances.map((i) => i.id)).toEqual(['c1']);
    expect(watch.lastSuccessAt).toBeGreaterThan(0);
  });

  it('refuses a malformed answer and keeps the last good list', async () => {
    const errors: unknown[] = [];
    const { source, seen } = scripted([
      { index: 5n, body: [entry('c1', 1)] },
      { index: 6n, body: [{ Service: { ID: 'x', Port: 'eighty' } }] },
    ]);
    watch = new HealthWatch(options(source, { onError: (e) => errors.push(e) }));
    await waitUntil(() => seen.length === 3);
    expect(watch.instances.map((i) => i.id)).toEqual(['c1']);
    expect(String(errors[0])).toMatch(/malformed health answer/);
  });

  it('backs off exponentially, with full jitter, up to the cap', async () => {
    const slept: number[] = [];
    const failures = Array.from({ length: 6 }, () => new Error('down'));
    const { source, seen } = scripted(failures);
    watch = new HealthWatch(options(source, { sleep: async (ms) => void slept.push(ms) }));
    await waitUntil(() => seen.length === 7);
    // random() = 0.5 of min(1000, 100 × 2^(n-1)): 50, 100, 200, 400, 500, 500
    expect(slept).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it('pauses instead of spinning when unchanged answers come back at once', async () => {
    const slept: number[] = [];
    const same = Array.from({ length: 5 }, () => ({ index: 9n, body: [] }));
    const { source, seen } = scripted(same);
    watch = new HealthWatch(options(source, { sleep: async (ms) => void slept.push(ms) }));
    await waitUntil(() => seen.length === 6);
    // The first answer is a change; then every second quick, unchanged answer earns a pause.
    expect(slept).toEqual([1_000, 1_000]);
  });
});
