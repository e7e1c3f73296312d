import type { EdgeView } from '@junction/console-api';
import { sumOf, type MetricFamily } from './prom-json.schema';

type Point = readonly [number, number, number, number];

interface Previous {
  readonly atMs: number;
  readonly rateLimited: number;
  readonly shed: number;
}

const perSecond = (now: number, before: number, seconds: number): number =>
  (now >= before ? now - before : now) / seconds;

/**
 * The edge of each gateway instance: requests refused by the rate limiter
 * and by load shedding per second, and event-loop lag, with a short history.
 * A gateway is an instance that exposes the rate-limit counter.
 */
export class EdgeTracker {
  private readonly previous = new Map<string, Previous>();
  private readonly history = new Map<string, Point[]>();

  constructor(private readonly historyPoints: number) {}

  /** One refresh: what was scraped now, and every instance the registry still lists. */
  update(
    scraped: readonly { instance: string; families: readonly MetricFamily[] }[],
    registered: ReadonlySet<string>,
    atMs: number,
  ): void {
    for (const { instance, families } of scraped) {
      const rateLimited = sumOf(families, 'junction_gateway_rate_limited_total');
      if (rateLimited === undefined) continue;
      const shed = sumOf(families, 'junction_gateway_shed_total') ?? 0;
      const lagMs = (sumOf(families, 'nodejs_eventloop_lag_seconds') ?? 0) * 1000;
      const before = this.previous.get(instance);
      this.previous.set(instance, { atMs, rateLimited, shed });
      if (!before) continue;
      const seconds = Math.max((atMs - before.atMs) / 1000, 0.001);
      const points = this.history.get(instance) ?? [];
      points.push([
        Math.round(atMs / 1000),
        perSecond(rateLimited, before.rateLimited, seconds),
        perSecond(shed, before.shed, seconds),
        lagMs,
      ]);
      if (points.length > this.historyPoints) points.splice(0, points.length - this.historyPoints);
      this.history.set(instance, points);
    }
    // An instance gone from the registry leaves the view with its history.
    for (const instance of [...this.previous.keys()]) {
      if (registered.has(instance)) continue;
      this.history.delete(instance);
      this.previous.delete(instance);
    }
  }

  view(): EdgeView {
    return {
      gateways: [...this.history]
        .flatMap(([instance, points]) => {
          const last = points.at(-1);
          if (!last) return [];
          const [, rateLimitedPerSecond, shedPerSecond, eventLoopLagMs] = last;
          return [
            { instance, rateLimitedPerSecond, shedPerSecond, eventLoopLagMs, history: [...points] },
          ];
        })
        .sort((a, b) => a.instance.localeCompare(b.instance)),
    };
  }
}
