import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one metrics registry of a process (never prom-client's global one, so
 * two in one test process never collide), with the process defaults: CPU,
 * resident memory, heap, event-loop lag and GC, read at scrape time.
 */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
