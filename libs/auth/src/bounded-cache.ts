/** Entries a verification cache keeps: enough for every active caller, bounded against floods of new tokens. */
const CACHE_MAX = 10_000;

/** Sets `key`, newest last; past CACHE_MAX entries the oldest goes (a Map keeps insertion order). */
export function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}
