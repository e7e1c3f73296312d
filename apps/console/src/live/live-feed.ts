import type { LiveEvents } from '@junction/console-api';
import type { ConsoleCore } from '../console-core';

const FIRST_TRACES = 50;
const FIRST_LOGS = 200;
const MAX_TRACES_PER_EVENT = 200;
const MAX_LOGS_PER_EVENT = 500;

/** One SSE event: `event:` is the LiveEvents key, `data:` its JSON (one line). */
const sseEvent = (name: string, data: unknown): string =>
  `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * What one live connection is sent each tick: the whole picture of the
 * platform, and the traces and log lines new since its last tick (the
 * first tick brings the most recent ones).
 */
export class LiveFeed {
  private traceCursor: number | undefined;
  private logCursor: number | undefined;

  constructor(private readonly core: ConsoleCore) {}

  next(): string {
    const { core } = this;
    const traces =
      this.traceCursor === undefined
        ? core.spans.list({ limit: FIRST_TRACES })
        : core.spans.changedSince(this.traceCursor, MAX_TRACES_PER_EVENT);
    const logs =
      this.logCursor === undefined
        ? core.logs.since(0, FIRST_LOGS)
        : core.logs.since(this.logCursor, MAX_LOGS_PER_EVENT);
    this.traceCursor = core.spans.cursor;
    this.logCursor = core.logs.cursor;
    const events: LiveEvents = {
      services: core.platform.servicesView,
      map: core.serviceMap(),
      routes: core.platform.routes,
      edge: core.platform.edge,
      processes: core.platform.processes,
      traces,
      logs,
      store: core.storeStats(),
    };
    return Object.entries(events)
      .map(([name, data]) => sseEvent(name, data))
      .join('');
  }
}
