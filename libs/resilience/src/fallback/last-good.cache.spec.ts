import { LastGoodCache } from './last-good.cache';

describe('last good cache', () => {
  let now = 0;
  let maxAgeMs = 1_000;
  const cache = () =>
    new LastGoodCache<string>({ maxEntries: 2, maxAgeMs: () => maxAgeMs, now: () => now });
  beforeEach(() => {
    now = 0;
    maxAgeMs = 1_000;
  });

  it('recalls the last stored value with its age', () => {
    const c = cache();
    c.remember('a', 'one');
    c.remember('a', 'two');
    now = 400;
    expect(c.recall('a')).toEqual({ value: 'two', ageMs: 400 });
  });

  it('serves nothing older than the max age, read at lookup time', () => {
    const c = cache();
    c.remember('a', 'one');
    now = 800;
    maxAgeMs = 500;
    expect(c.recall('a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently stored', () => {
    const c = cache();
    c.remember('a', '1');
    c.remember('b', '2');
    c.remember('a', '1 again');
    c.remember('c', '3');
    expect(c.size).toBe(2);
    expect(c.recall('b')).toBeUndefined();
    expect(c.recall('a')?.value).toBe('1 again');
  });
});
