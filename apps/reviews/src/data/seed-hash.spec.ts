import { seedHash } from './seed-hash';

describe('seedHash', () => {
  it('is deterministic', () => {
    expect(seedHash(7, 3, 2)).toBe(seedHash(7, 3, 2));
  });

  it('returns an unsigned 32-bit integer', () => {
    const hash = seedHash(123, 45, 6);
    expect(Number.isInteger(hash)).toBe(true);
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(hash).toBeLessThan(2 ** 32);
  });

  it('depends on the order of its parts', () => {
    expect(seedHash(1, 2)).not.toBe(seedHash(2, 1));
  });

  it('spreads consecutive inputs over small ranges', () => {
    const buckets = new Set(Array.from({ length: 100 }, (_, i) => seedHash(i, 9) % 5));
    expect(buckets.size).toBe(5);
  });
});
