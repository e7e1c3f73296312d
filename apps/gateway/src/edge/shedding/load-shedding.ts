import type { GatewayMetrics } from '../../metrics/gateway-metrics';
import type { Logger } from '@nestjs/common';
import { EventLoopLag } from './event-loop-lag';
import { LoadShedder, type ShedReason } from './load-shedder';
import type { LoadSheddingEdge } from './load-shedding.hook';
import type { SheddingEnv } from './shedding.env';
import { sheddingLimits } from './shedding-limits';
import type { SheddingRuntime } from '@junction/runtime-schemas';

export interface LoadSheddingDeps {
  readonly env: SheddingEnv;
  readonly runtime: { shedding(): SheddingRuntime };
  readonly metrics: GatewayMetrics;
  readonly log: Pick<Logger, 'log' | 'warn'>;
}

/**
 * The gateway's load shedder with what keeps it current: the event-loop lag
 * sampled on an unref'd timer (it never keeps the process alive), and a log
 * line when shedding starts or stops. stop() ends both.
 */
export class LoadShedding implements LoadSheddingEdge {
  readonly shedder: LoadShedder;
  private readonly lag = new EventLoopLag();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: LoadSheddingDeps) {
    this.shedder = new LoadShedder({
      limits: sheddingLimits(deps.env, deps.runtime),
      lagMs: () => this.lag.ms,
    });
    this.timer = setInterval(() => this.endWindow(), deps.env.SHED_LAG_SAMPLE_MS);
    this.timer.unref();
  }

  onShed(reason: ShedReason): void {
    this.deps.metrics.edge.shed.inc({ reason });
  }

  stop(): void {
    clearInterval(this.timer);
    this.lag.stop();
  }

  private endWindow(): void {
    const lagMs = this.lag.sample();
    const change = this.shedder.endWindow();
    if (change?.shedding) {
      this.deps.log.warn(
        `overloaded, shedding requests: ${change.shed.in_flight} over the in-flight limit, ` +
          `${change.shed.event_loop_lag} for event-loop lag (now ${Math.round(lagMs)} ms, ` +
          `${this.shedder.current} in flight)`,
      );
    } else if (change) {
      this.deps.log.log(`load shedding stopped after ${change.shedTotal} requests refused`);
    }
  }
}
