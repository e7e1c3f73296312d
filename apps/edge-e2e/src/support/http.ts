export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly ms: number;
}

/** One GET; the body parsed when it is JSON. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const text = await res.text();
  const ms = performance.now() - started;
  const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
  return { status: res.status, headers: res.headers, body: json ? JSON.parse(text) : {}, ms };
}

/** `n` GETs one after another (so the order of their answers is the order of counting). */
export async function getSeries(
  urls: readonly string[],
  headers: Record<string, string> = {},
): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const url of urls) answers.push(await get(url, headers));
  return answers;
}

export const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

/** How many answers had each status, e.g. { 200: 5, 429: 3 }. */
export const statusCounts = (answers: readonly Answer[]): Record<number, number> => {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

/** What every rate-limit refusal must look like. */
export function expectRateLimited(answer: Answer, limit: number): void {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(answer.body).toMatchObject({ status: 429, reason: 'RATE_LIMITED' });
  expect(answer.body.traceId).toBe(answer.headers.get('x-trace-id'));
}
