import { waitUntil } from '@junction/testing';
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

/** A gateway and the API key its requests are sent with. */
export interface GatewayClient {
  readonly gatewayUrl: string;
  readonly apiKey: string;
}

/** One request to the gateway as the key's holder; JSON bodies parsed. */
export async function request<T = Record<string, unknown>>(
  gateway: GatewayClient,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${gateway.gatewayUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-api-key': gateway.apiKey,
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
  gateway: GatewayClient,
  items: { productId: string; quantity: number }[],
  key: string = randomUUID(),
) =>
  request<Order & { reason?: string }>(gateway, '/api/v1/orders', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: { items },
  });

export async function stockOf(gateway: GatewayClient, productId: string) {
  const res = await request<{ stock: { available: number; reserved: number } }>(
    gateway,
    `/api/v1/products/${productId}`,
  );
  if (res.status !== 200) throw new Error(`product ${productId}: ${res.status}`);
  return res.body.stock;
}

/**
 * How long after another instance's reservation an inventory instance may
 * still answer a product's stock from memory (its STOCK_READ_CACHE_TTL_MS).
 */
const STOCK_READ_STALE_MS = 1000;

/**
 * Waits for the product to show `available`: with two inventory instances on
 * one server, the one that did not reserve may answer its cached read until
 * STOCK_READ_STALE_MS has passed, never later.
 */
export async function availableBecomes(
  gateway: GatewayClient,
  productId: string,
  available: number,
): Promise<void> {
  await waitUntil(async () => (await stockOf(gateway, productId)).available === available, {
    timeoutMs: STOCK_READ_STALE_MS + 2000,
    intervalMs: 50,
    what: `product ${productId} to show ${available} available`,
  });
}
