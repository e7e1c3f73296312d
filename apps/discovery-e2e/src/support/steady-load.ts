export interface LoadResult {
  readonly total: number;
  readonly statuses: Readonly<Record<number, number>>;
  readonly failed: number;
}

/**
 * Steady GET load on the gateway from `workers` concurrent loops, until
 * stop() or `maxMs` (bounded either way). Counts every answer by status;
 * a transport error counts as status 0.
 */
export function steadyLoad(url: string, { workers = 8, maxMs = 30_000 } = {}) {
  const statuses: Record<number, number> = {};
  let running = true;
  const deadline = Date.now() + maxMs;
  const worker = async () => {
    let n = 0;
    while (running && Date.now() < deadline) {
      const id = 1 + ((n++ * 37) % 1000);
      const status = await fetch(`${url}/api/v1/products/${id}`)
        .then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    /** Answers so far, by status. */
    snapshot: (): LoadResult => summarize(statuses),
    stop: async (): Promise<LoadResult> => {
      running = false;
      await done;
      return summarize(statuses);
    },
  };
}

function summarize(statuses: Record<number, number>): LoadResult {
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { total, statuses: { ...statuses }, failed: total - (statuses[200] ?? 0) };
}
