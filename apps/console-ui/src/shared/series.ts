/** History points as the console sends them: [unix seconds, …values]. */
export type HistoryPoint = readonly [number, ...number[]];

/** uPlot's aligned columns (x, y) for the value at `index` of each point, oldest first. */
export function seriesColumns(
  history: readonly HistoryPoint[],
  index: number,
): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const point of history) {
    const x = point[0];
    const y = point[index];
    if (!Number.isFinite(x) || y === undefined || !Number.isFinite(y)) continue;
    if (xs.length && x <= xs[xs.length - 1]) continue; // uPlot needs increasing x
    xs.push(x);
    ys.push(y);
  }
  return [xs, ys];
}

/**
 * The y range a sparkline draws: from zero, with headroom, never empty; at
 * least up to `floor`, so noise near zero (0.1 % errors) does not fill the
 * chart as if it were an outage.
 */
export function sparkRange(max: number, floor = 0): [number, number] {
  const top = Math.max(max * 1.15, floor);
  return [0, top > 0 ? top : 1];
}
