/** The product answer's fields these suites look at. */
export interface ProductBody {
  readonly id: string;
  readonly stock: { readonly available: number } | null;
  readonly rating: unknown;
  readonly topReviews: unknown;
  readonly degraded: readonly string[];
}

/** An RFC 9457 problem body, as the gateway writes every error. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly reason?: string;
  readonly traceId?: string;
}

export interface HttpAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly ms: number;
}

/** One request; the body is parsed as JSON when it is JSON. */
export async function call<T = unknown>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<HttpAnswer<T>> {
  const headers = { ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
  return {
    status: res.status,
    headers: res.headers,
    body: (json ? JSON.parse(text) : text) as T,
    ms,
  };
}

/** The `degraded` list of a load answer's body ('-' when it has none, e.g. an error). */
export const degradedOf = (body: unknown): string =>
  ((body as Partial<ProductBody> | undefined)?.degraded ?? ['-']).join(',');

/** Counts of each distinct value. */
export function tally(values: readonly (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
