import { GATEWAY } from './e2e-ports';

export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** One request to the gateway; the body is parsed as JSON when it is JSON. */
export interface HttpInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
}

export async function http<T = Record<string, unknown>>(
  path: string,
  init: HttpInit = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${GATEWAY}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    headers: res.headers,
    body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
  };
}

/** What every error response must look like. */
export function expectProblem(result: HttpResult, status: number): void {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(result.body).toMatchObject({
    type: 'about:blank',
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect((result.body as { traceId: string }).traceId).toBe(result.headers.get('x-trace-id'));
  expect(JSON.stringify(result.body)).not.toMatch(/\bat .+\.js:\d+|127\.0\.0\.1|ECONNREFUSED/);
}
