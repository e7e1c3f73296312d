/**
 * A well-mixed unsigned 32-bit hash of small integers (FNV-1a over the
 * parts, then murmur3's finaliser). Seeded data uses it in place of a random
 * generator, so review k of product n is the same in every run and instance
 * and can be rebuilt on demand instead of kept in memory.
 */
export function seedHash(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) hash = Math.imul(hash ^ part, 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
