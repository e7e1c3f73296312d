import { randomUUID } from 'node:crypto';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface Order {
  readonly id: string;
  readonly status: string;
  readonly items: { productId: string; quantity: number }[];
}

/** One request to the gateway at `base`; JSON bodies parsed. */
export async function request<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text;
  return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : text) as T };
}

export const createOrder = (
  base: string,
  items: { productId: string; quantity: number }[],
  key: string = randomUUID(),
) =>
  request<Order & { reason?: string }>(base, '/api/v1/orders', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: { items },
  });

export async function stockOf(base: string, productId: string) {
  const res = await request<{ stock: { available: number; reserved: number } }>(
    base,
    `/api/v1/products/${productId}`,
  );
  if (res.status !== 200) throw new Error(`product ${productId}: ${res.status}`);
  return res.body.stock;
}
