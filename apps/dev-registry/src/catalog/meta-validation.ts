const MAX_PAIRS = 64;
const KEY_MAX = 128;
const VALUE_MAX = 512;
const RESERVED_PREFIX = 'consul-';
const KEY_FORMAT = /^[a-zA-Z0-9_-]+$/;

/**
 * Consul's validateMetadata for service meta; returns its error text or
 * undefined. Go iterates the map in random order, so with several bad pairs
 * the reported one may differ; here it is the first in body order.
 */
export function validateServiceMeta(meta: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(meta);
  if (entries.length > MAX_PAIRS)
    return `Node metadata cannot contain more than ${MAX_PAIRS} key/value pairs`;
  for (const [key, value] of entries) {
    const problem = pairProblem(key, value);
    if (problem) return `Couldn't load metadata pair ('${key}', '${value}'): ${problem}`;
  }
  return undefined;
}

function pairProblem(key: string, value: string): string | undefined {
  if (key === '') return 'Key cannot be blank';
  if (!KEY_FORMAT.test(key)) return 'Key contains invalid characters';
  if (key.length > KEY_MAX) return `Key is too long (limit: ${KEY_MAX} characters)`;
  if (key.startsWith(RESERVED_PREFIX))
    return `Key prefix '${RESERVED_PREFIX}' is reserved for internal use`;
  if (value.length > VALUE_MAX) return `Value is too long (limit: ${VALUE_MAX} characters)`;
  return undefined;
}
