// Hash routing: the console serves one page at `/`, so every address is a
// fragment (`#/traces/<id>`, `#/logs?level=warn`) and needs no server route.

export type PageName =
  | 'map'
  | 'instances'
  | 'breakers'
  | 'edge'
  | 'routes'
  | 'traces'
  | 'logs'
  | 'faults'
  | 'processes';

export const PAGES: readonly { readonly name: PageName; readonly title: string }[] = [
  { name: 'map', title: 'Map' },
  { name: 'instances', title: 'Instances' },
  { name: 'breakers', title: 'Breakers' },
  { name: 'edge', title: 'Edge' },
  { name: 'routes', title: 'Routes' },
  { name: 'traces', title: 'Traces' },
  { name: 'logs', title: 'Logs' },
  { name: 'faults', title: 'Faults & config' },
  { name: 'processes', title: 'Processes' },
];

export interface Route {
  readonly page: PageName;
  /** `#/traces/<id>`: the trace to open. */
  readonly traceId?: string;
  readonly params: Readonly<Record<string, string>>;
}

const isPage = (name: string): name is PageName => PAGES.some((page) => page.name === name);

/** The route of a `location.hash`; anything unknown opens the map. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt < 0 ? body : body.slice(0, queryAt);
  const params = Object.fromEntries(
    new URLSearchParams(queryAt < 0 ? '' : body.slice(queryAt + 1)),
  );
  const [first = '', second] = path.split('/').map((part) => safeDecode(part));
  const page = isPage(first) ? first : 'map';
  return page === 'traces' && second ? { page, traceId: second, params } : { page, params };
}

/** The hash of a route (the inverse of parseHash). */
export function hrefFor(
  page: PageName,
  options: { traceId?: string; params?: Record<string, string | number | undefined> } = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.params ?? {})) {
    if (value !== undefined && String(value) !== '') search.set(key, String(value));
  }
  const query = search.toString();
  const trace =
    page === 'traces' && options.traceId ? `/${encodeURIComponent(options.traceId)}` : '';
  return `#/${page}${trace}${query ? `?${query}` : ''}`;
}

/**
 * A trace id from what an operator pastes: the id itself, an `X-Trace-Id`
 * header line, or a W3C `traceparent`. Lowercased; undefined when empty.
 */
export function traceIdFromInput(input: string): string | undefined {
  const value = input.trim().replace(/^(x-trace-id|traceparent)\s*:\s*/i, '');
  const traceparent = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/i.exec(value);
  const id = (traceparent ? traceparent[1] : value).toLowerCase();
  return id === '' ? undefined : id;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
