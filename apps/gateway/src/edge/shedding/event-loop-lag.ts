import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/**
 * Event-loop lag as the mean delay of the loop over a sample window, less the
 * sampling resolution (how @fastify/under-pressure measures it). The mean
 * tells a loop that stays behind from one long GC pause, which a maximum or a
 * high percentile would take for overload.
 */
export class EventLoopLag {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private lastMs = 0;

  constructor() {
    this.histogram.enable();
  }

  /** The lag of the last closed window, in milliseconds. */
  get ms(): number {
    return this.lastMs;
  }

  /** Closes the window: measures it and starts the next. */
  sample(): number {
    const meanMs = this.histogram.count > 0 ? this.histogram.mean / 1e6 : 0;
    this.lastMs = Math.max(0, meanMs - RESOLUTION_MS);
    this.histogram.reset();
    return this.lastMs;
  }

  stop(): void {
    this.histogram.disable();
  }
}
