import type { RouteRed } from '@junction/console-api';
import { bucketBound, histogramQuantile, type Bucket } from './histogram-quantile';
import { samplesOf, type MetricFamily } from './prom-json.schema';

const FAMILY = 'http_server_request_duration_seconds';

/** Cumulative figures of one route at one instance, as scraped. */
interface RouteTotals {
  count: number;
  errors: number;
  /** By bucket bound, summed over status codes. */
  buckets: Map<number, number>;
}

type Point = readonly [number, number, number, number];

function totalsOf(families: readonly MetricFamily[]): Map<string, RouteTotals> {
  const totals = new Map<string, RouteTotals>();
  const entry = (labels: Record<string, string | number>) => {
    const key = `${labels['http_request_method']} ${labels['http_route']}`;
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { count: 0, errors: 0, buckets: new Map() }));
    return t;
  };
  for (const s of samplesOf(families, FAMILY, `${FAMILY}_count`)) {
    const t = entry(s.labels);
    t.count += s.value ?? 0;
    if (Number(s.labels['http_response_status_code']) >= 500) t.errors += s.value ?? 0;
  }
  for (const s of samplesOf(families, FAMILY, `${FAMILY}_bucket`)) {
    const t = entry(s.labels);
    const le = bucketBound(s.labels['le']);
    t.buckets.set(le, (t.buckets.get(le) ?? 0) + (s.value ?? 0));
  }
  return totals;
}

/** now − before, or now itself when the counter restarted (the process did). */
const delta = (now: number, before: number | undefined): number =>
  before === undefined ? 0 : now >= before ? now - before : now;

/**
 * Per-route RED at the gateways from their request-duration histograms:
 * each refresh's increase over the last, summed over gateway instances,
 * as a rate, error ratio and p99, with a short history per route.
 */
export class RouteRedTracker {
  private readonly previous = new Map<string, { atMs: number; totals: Map<string, RouteTotals> }>();
  private readonly history = new Map<string, Point[]>();

  constructor(private readonly historyPoints: number) {}

  /**
   * One refresh: what was scraped now (instances without the histogram are
   * not gateways), and every instance the registry still lists.
   */
  update(
    scraped: readonly { instance: string; families: readonly MetricFamily[] }[],
    registered: ReadonlySet<string>,
    atMs: number,
  ): void {
    for (const instance of [...this.previous.keys()]) {
      if (!registered.has(instance)) this.previous.delete(instance);
    }
    const sums = new Map<
      string,
      { count: number; errors: number; seconds: number; buckets: Map<number, number> }
    >();
    for (const { instance, families } of scraped) {
      if (!families.some((f) => f.name === FAMILY)) continue;
      const totals = totalsOf(families);
      const before = this.previous.get(instance);
      this.previous.set(instance, { atMs, totals });
      if (!before) continue;
      const seconds = Math.max((atMs - before.atMs) / 1000, 0.001);
      for (const [key, now] of totals) {
        const old = before.totals.get(key);
        const sum = sums.get(key) ?? { count: 0, errors: 0, seconds, buckets: new Map() };
        sum.count += delta(now.count, old?.count ?? 0);
        sum.errors += delta(now.errors, old?.errors ?? 0);
        for (const [le, count] of now.buckets) {
          sum.buckets.set(le, (sum.buckets.get(le) ?? 0) + delta(count, old?.buckets.get(le) ?? 0));
        }
        sums.set(key, sum);
      }
    }
    const t = Math.round(atMs / 1000);
    for (const [key, sum] of sums) {
      const buckets: Bucket[] = [...sum.buckets].map(([le, count]) => ({ le, count }));
      const point: Point = [
        t,
        sum.count / sum.seconds,
        sum.count > 0 ? sum.errors / sum.count : 0,
        histogramQuantile(0.99, buckets) * 1000,
      ];
      const points = this.history.get(key) ?? [];
      points.push(point);
      if (points.length > this.historyPoints) points.splice(0, points.length - this.historyPoints);
      this.history.set(key, points);
    }
  }

  views(): RouteRed[] {
    return [...this.history]
      .flatMap(([key, points]) => {
        const last = points.at(-1);
        if (!last) return [];
        const [method = '', ...route] = key.split(' ');
        const [, rate, errorRatio, p99Ms] = last;
        return [{ route: route.join(' '), method, rate, errorRatio, p99Ms, history: [...points] }];
      })
      .sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
  }
}
