export interface LoadAnswer {
  /** The HTTP status; 0 when the request failed without an answer. */
  readonly status: number;
  /** When the request was sent (epoch ms). */
  readonly startedAt: number;
  /** Time to the whole answer, body included. */
  readonly ms: number;
  readonly headers: Headers;
  /** The parsed body when it is JSON, else undefined. */
  readonly body: unknown;
}

export interface LoadResult {
  readonly total: number;
  readonly statuses: Readonly<Record<number, number>>;
  /** Answers other than 200, transport errors included. */
  readonly failed: number;
  /** Every answer so far, in the order they arrived. */
  readonly answers: readonly LoadAnswer[];
}

export interface LoadOptions {
  /** Concurrent request loops; each sends its next request when the last is answered. */
  readonly workers?: number;
  /** The load stops by itself after this long, whatever happens. */
  readonly maxMs?: number;
  /** The n-th path (from 0) a worker requests; by default products 1…1000 in a scattered order. */
  readonly path?: (n: number) => string;
  readonly headers?: Readonly<Record<string, string>>;
}

const scatteredProducts = (n: number) => `/api/v1/products/${1 + ((n * 37) % 1000)}`;

/**
 * Steady GET load on the gateway from `workers` concurrent loops, until
 * stop() or `maxMs` (bounded either way). Keeps every answer with its status,
 * timing, headers and JSON body, so a test can assert on any slice of them.
 */
export function steadyLoad(
  baseUrl: string,
  { workers = 8, maxMs = 30_000, path = scatteredProducts, headers = {} }: LoadOptions = {},
) {
  const answers: LoadAnswer[] = [];
  let running = true;
  const deadline = Date.now() + maxMs;
  const worker = async () => {
    for (let n = 0; running && Date.now() < deadline; n++) {
      answers.push(await request(`${baseUrl}${path(n)}`, headers));
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    /** Answers so far. */
    snapshot: (): LoadResult => summarize(answers),
    stop: async (): Promise<LoadResult> => {
      running = false;
      await done;
      return summarize(answers);
    },
  };
}

async function request(url: string, headers: Readonly<Record<string, string>>) {
  const startedAt = Date.now();
  const started = performance.now();
  try {
    const res = await fetch(url, { headers });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
    return {
      status: res.status,
      startedAt,
      ms: performance.now() - started,
      headers: res.headers,
      body: json ? (JSON.parse(text) as unknown) : undefined,
    };
  } catch {
    return {
      status: 0,
      startedAt,
      ms: performance.now() - started,
      headers: new Headers(),
      body: undefined,
    };
  }
}

/**
 * The answers that were not 200, told in full enough to find out why
 * (status, when, how long, trace id, problem body): what a test shows
 * when it expects none.
 */
export function failedAnswers(result: LoadResult) {
  return result.answers
    .filter((answer) => answer.status !== 200)
    .map(({ status, startedAt, ms, headers, body }) => ({
      status,
      startedAt: new Date(startedAt).toISOString(),
      ms: Math.round(ms),
      traceId: headers.get('x-trace-id'),
      body,
    }));
}

/** Counts answers by status. */
export function summarize(answers: readonly LoadAnswer[]): LoadResult {
  const statuses: Record<number, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  const total = answers.length;
  return { total, statuses, failed: total - (statuses[200] ?? 0), answers: [...answers] };
}

export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of some answers' latencies, in ms (NaN when there are none). */
export function latencyFigures(answers: readonly Pick<LoadAnswer, 'ms'>[]): LatencyFigures {
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
  return {
    count: sorted.length,
    p50: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Figures rounded to whole ms, for a log line. */
export const describeLatency = ({ count, p50, p90, p99, max }: LatencyFigures): string =>
  `n=${count} p50=${Math.round(p50)} ms p90=${Math.round(p90)} ms p99=${Math.round(p99)} ms max=${Math.round(max)} ms`;
