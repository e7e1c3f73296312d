import { processRegistry } from './process-registry';

describe('processRegistry', () => {
  it("collects the process defaults into a registry of its own, not prom-client's global one", async () => {
    const a = processRegistry();
    const b = processRegistry();
    const names = (await a.getMetricsAsJSON()).map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_seconds',
        'nodejs_gc_duration_seconds',
      ]),
    );
    expect(a).not.toBe(b);
    expect((await b.getMetricsAsJSON()).length).toBe(names.length);
  });
});
