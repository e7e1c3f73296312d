import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MINUTE, scaled } from './timing';

/** The agent under test: set by the global setup (or given by the caller for a real Consul). */
export const CONSUL_HTTP_ADDR = (process.env.CONSUL_HTTP_ADDR ?? 'http://127.0.0.1:8500').replace(
  /\/+$/,
  '',
);

export interface ConsulReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly bytes: Buffer;
  /** Wall-clock ms from sending the request to having read the whole body. */
  readonly elapsedMs: number;
  /** The body parsed as JSON (throws if it is not JSON). */
  json<T = unknown>(): T;
  /** `X-Consul-Index` as a number; throws when the header is absent. */
  index(): number;
}

export interface CallOptions {
  /** Sent as JSON (Content-Type application/json). */
  readonly json?: unknown;
  /** Sent as is. */
  readonly body?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** Bound for the whole exchange; defaults to more than any blocking wait Consul allows. */
  readonly timeoutMs?: number;
}

/**
 * One HTTP exchange with the agent: `path` starts with `/` (e.g. `/v1/kv/a?raw`)
 * and is sent exactly as given. node:http rather than fetch, whose 5-minute
 * headers timeout would cut Consul's longest blocking waits short.
 */
export async function call(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ConsulReply> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const payload = body === undefined ? undefined : Buffer.from(body);
  if (payload || method === 'PUT' || method === 'POST') {
    headers['content-length'] = String(payload?.length ?? 0);
  }
  const started = performance.now();
  const { status, responseHeaders, bytes } = await new Promise<{
    status: number;
    responseHeaders: Headers;
    bytes: Buffer;
  }>((resolve, reject) => {
    const request = CONSUL_HTTP_ADDR.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(
      `${CONSUL_HTTP_ADDR}${path}`,
      {
        method,
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000 + scaled(11 * MINUTE)),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : [value ?? '']) {
              responseHeaders.append(name, v);
            }
          }
          resolve({ status: res.statusCode ?? 0, responseHeaders, bytes: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const elapsedMs = performance.now() - started;
  const text = bytes.toString('utf8');
  return {
    status,
    headers: responseHeaders,
    text,
    bytes,
    elapsedMs,
    json: <T>() => JSON.parse(text) as T,
    index: () => {
      const raw = responseHeaders.get('x-consul-index');
      if (raw === null) throw new Error(`no X-Consul-Index on ${method} ${path}`);
      return Number(raw);
    },
  };
}

export const get = (path: string, options?: CallOptions) => call('GET', path, options);
export const put = (path: string, options?: CallOptions) => call('PUT', path, options);
export const del = (path: string, options?: CallOptions) => call('DELETE', path, options);

/** A name no other test (or earlier run against a shared agent) uses. */
export const unique = (label: string): string => `fid-${label}-${randomBytes(4).toString('hex')}`;

// ---- response shapes (only the fields the specs read) ----------------------

export interface AgentService {
  ID: string;
  Service: string;
  Tags: string[];
  Meta: Record<string, string> | null;
  Port: number;
  Address: string;
  TaggedAddresses?: Record<string, { Address: string; Port: number }>;
  Weights: { Passing: number; Warning: number };
  EnableTagOverride: boolean;
  Datacenter: string;
  [field: string]: unknown;
}

export interface HealthCheck {
  Node: string;
  CheckID: string;
  Name: string;
  Status: string;
  Notes: string;
  Output: string;
  ServiceID: string;
  ServiceName: string;
  ServiceTags: string[];
  Type: string;
  [field: string]: unknown;
}

export interface ServiceEntry {
  Node: { ID: string; Node: string; Address: string; Datacenter: string; [field: string]: unknown };
  Service: {
    ID: string;
    Service: string;
    Tags: string[];
    Port?: number;
    Address: string;
    [field: string]: unknown;
  };
  Checks: HealthCheck[];
}

export interface CatalogServiceNode {
  ID: string;
  Node: string;
  Address: string;
  Datacenter: string;
  ServiceID: string;
  ServiceName: string;
  ServiceTags: string[];
  ServiceAddress: string;
  ServicePort: number;
  [field: string]: unknown;
}

export interface DirEntry {
  Key: string;
  Value: string | null;
  Flags: number;
  LockIndex: number;
  CreateIndex: number;
  ModifyIndex: number;
  Session?: string;
}

export interface SessionInfo {
  ID: string;
  Name: string;
  Node: string;
  LockDelay: number;
  Behavior: string;
  TTL: string;
  NodeChecks?: string[] | null;
  CreateIndex: number;
  ModifyIndex: number;
  [field: string]: unknown;
}

// ---- small conveniences over the endpoints ---------------------------------

export const enc = encodeURIComponent;

export async function agentServices(): Promise<Record<string, AgentService>> {
  const reply = await get('/v1/agent/services');
  if (reply.status !== 200) throw new Error(`agent/services: ${reply.status} ${reply.text}`);
  return reply.json();
}

export async function agentChecks(): Promise<Record<string, HealthCheck>> {
  const reply = await get('/v1/agent/checks');
  if (reply.status !== 200) throw new Error(`agent/checks: ${reply.status} ${reply.text}`);
  return reply.json();
}

export async function agentCheck(checkId: string): Promise<HealthCheck | undefined> {
  return (await agentChecks())[checkId];
}

/** The check's status, or undefined when the agent no longer has it. */
export async function checkStatus(checkId: string): Promise<string | undefined> {
  return (await agentCheck(checkId))?.Status;
}

export async function healthEntries(service: string, query = ''): Promise<ServiceEntry[]> {
  const reply = await get(`/v1/health/service/${enc(service)}${query}`);
  if (reply.status !== 200) throw new Error(`health/service: ${reply.status} ${reply.text}`);
  return reply.json();
}

export async function kvEntry(key: string): Promise<DirEntry | undefined> {
  const reply = await get(`/v1/kv/${key}`);
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) throw new Error(`kv get ${key}: ${reply.status} ${reply.text}`);
  return reply.json<DirEntry[]>()[0];
}

export async function sessionInfo(id: string): Promise<SessionInfo | undefined> {
  const reply = await get(`/v1/session/info/${id}`);
  if (reply.status !== 200) throw new Error(`session info: ${reply.status} ${reply.text}`);
  return reply.json<SessionInfo[]>()[0];
}

/** `PUT /v1/kv/<key>?<query>` answered with a JSON boolean. */
export async function kvWrite(key: string, query: string, body = ''): Promise<boolean> {
  const reply = await put(`/v1/kv/${key}${query ? `?${query}` : ''}`, { body });
  if (reply.status !== 200)
    throw new Error(`kv put ${key}?${query}: ${reply.status} ${reply.text}`);
  return reply.json<boolean>();
}

/** The node the agent registers itself as (the one `consul` runs on). */
export async function agentNodeName(): Promise<string> {
  const reply = await get('/v1/catalog/service/consul');
  const nodes = reply.json<CatalogServiceNode[]>();
  if (!nodes[0]) throw new Error('the catalog has no consul service');
  return nodes[0].Node;
}

export const decodeValue = (entry: DirEntry | undefined): string | null | undefined =>
  entry?.Value == null ? entry?.Value : Buffer.from(entry.Value, 'base64').toString('utf8');
