import { randomUUID } from 'node:crypto';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export type Credentials = Readonly<Record<string, string>>;

export const bearer = (token: string): Credentials => ({ authorization: `Bearer ${token}` });
export const apiKeyHeader = (key: string): Credentials => ({ 'x-api-key': key });

/** One request to a gateway; JSON bodies parsed. */
export async function call<T = Record<string, unknown>>(
  gateway: string,
  path: string,
  init: { method?: string; headers?: Credentials; json?: unknown } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${gateway}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text;
  return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : text) as T };
}

export interface Order {
  readonly id: string;
  readonly status: string;
}

export const placeOrder = (gateway: string, credentials: Credentials) =>
  call<Order>(gateway, '/api/v1/orders', {
    method: 'POST',
    headers: { ...credentials, 'idempotency-key': randomUUID() },
    json: { items: [{ productId: '7', quantity: 1 }] },
  });

export const readOrder = (gateway: string, id: string, credentials: Credentials) =>
  call<Order>(gateway, `/api/v1/orders/${id}`, { headers: credentials });

export const confirmOrder = (gateway: string, id: string, credentials: Credentials) =>
  call<Order>(gateway, `/api/v1/orders/${id}/confirm`, { method: 'POST', headers: credentials });
