/** What a handler answers; the router writes it with Consul's conventions. */
export interface Reply {
  readonly status?: number;
  /** JSON body (compact, or indented with ?pretty). */
  readonly json?: unknown;
  /** Raw body with its own content type (KV ?raw). */
  readonly raw?: { readonly body: Buffer; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/** 200 with an empty body and no content type: Consul's answer to a successful write. */
export const EMPTY: Reply = {};

export const json = (value: unknown, headers?: Record<string, string>, status = 200): Reply => ({
  json: value,
  headers,
  status,
});

/**
 * The metadata headers of RPC-backed reads. The index is never 0 on the
 * wire; health and catalog reads also say how they were served.
 */
export function queryMeta(
  index: number,
  options: { catalogRead?: boolean } = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Consul-Index': String(Math.max(1, index)),
    'X-Consul-KnownLeader': 'true',
    'X-Consul-LastContact': '0',
  };
  if (options.catalogRead) {
    headers['X-Consul-Effective-Consistency'] = 'leader';
    headers['X-Consul-Query-Backend'] = 'blocking-query';
  }
  return headers;
}
