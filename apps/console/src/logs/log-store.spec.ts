import type { LogView } from '@junction/console-api';
import { LogStore } from './log-store';

const log = (n: number, overrides: Partial<LogView> = {}): LogView => ({
  timeUnixNano: String(n),
  service: 'gateway',
  level: 'info',
  message: `line ${n}`,
  attributes: {},
  ...overrides,
});

describe('the log ring', () => {
  it('keeps the newest lines up to capacity and counts the evicted', () => {
    const store = new LogStore(3);
    store.add([1, 2, 3, 4, 5].map((n) => log(n)));
    expect(store.list({ limit: 10 }).map((l) => l.message)).toEqual(['line 5', 'line 4', 'line 3']);
    expect(store.stats()).toEqual({ logs: 3, logCapacity: 3, evictedLogs: 2 });
  });

  it('finds a trace’s lines through its index, also after older lines left', () => {
    const store = new LogStore(3);
    store.add([log(1, { traceId: 'a' }), log(2, { traceId: 'b' }), log(3, { traceId: 'a' })]);
    expect(store.list({ traceId: 'a', limit: 10 }).map((l) => l.message)).toEqual([
      'line 3',
      'line 1',
    ]);
    store.add([log(4), log(5)]);
    expect(store.list({ traceId: 'a', limit: 10 }).map((l) => l.message)).toEqual(['line 3']);
    expect(store.list({ traceId: 'b', limit: 10 })).toEqual([]);
  });

  it('filters by service, minimum level and text, case-insensitively', () => {
    const store = new LogStore(10);
    store.add([
      log(1, { level: 'debug', message: 'Cache MISS' }),
      log(2, { level: 'warn', service: 'orders', message: 'slow cache' }),
      log(3, { level: 'error', message: 'cache down' }),
    ]);
    expect(store.list({ level: 'warn', limit: 10 }).map((l) => l.timeUnixNano)).toEqual(['3', '2']);
    expect(
      store.list({ q: 'CACHE', service: 'gateway', limit: 10 }).map((l) => l.timeUnixNano),
    ).toEqual(['3', '1']);
  });

  it('hands the live feed what came after its cursor, newest first', () => {
    const store = new LogStore(10);
    store.add([log(1)]);
    const cursor = store.cursor;
    store.add([log(2), log(3)]);
    expect(store.since(cursor, 10).map((l) => l.timeUnixNano)).toEqual(['3', '2']);
    expect(store.since(store.cursor, 10)).toEqual([]);
  });
});
