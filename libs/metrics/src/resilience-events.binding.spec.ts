import { Metadata } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import type { UnaryCall } from '@junction/grpc-client';
import { Registry } from 'prom-client';
import { ejectionReport, resilienceEvents } from './resilience-events.binding';
import { UpstreamMetrics } from './upstream.metrics';

const call: UnaryCall = {
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method: catalogV1.CatalogServiceDefinition.methods.getProduct,
  request: { id: '1' },
  metadata: new Metadata(),
  deadline: Date.now() + 1_000,
};

describe('resilience events bound to the upstream metrics', () => {
  let registry: Registry;
  let metrics: UpstreamMetrics;
  const lines: string[] = [];
  const log = {
    log: (m: string) => lines.push(`log ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
  };
  const values = async (name: string) =>
    (await registry.getSingleMetricAsString(name)).split('\n').filter((l) => !l.startsWith('#'));

  beforeEach(() => {
    registry = new Registry();
    metrics = new UpstreamMetrics(registry);
    lines.length = 0;
  });

  it('sets the breaker state, counts the transition and logs an opening as a warning', async () => {
    const events = resilienceEvents(metrics, log);
    events.breakerStateChanged!('catalog', 'GetProduct', 'open');
    events.breakerStateChanged!('catalog', 'GetProduct', 'half-open');
    expect(await values('junction_upstream_breaker_state')).toEqual([
      'junction_upstream_breaker_state{upstream="catalog",method="GetProduct"} 1',
    ]);
    expect(await values('junction_upstream_breaker_transitions_total')).toEqual([
      'junction_upstream_breaker_transitions_total{upstream="catalog",method="GetProduct",state="open"} 1',
      'junction_upstream_breaker_transitions_total{upstream="catalog",method="GetProduct",state="half-open"} 1',
    ]);
    expect(lines).toEqual([
      'warn circuit breaker catalog/GetProduct is open',
      'log circuit breaker catalog/GetProduct is half-open',
    ]);
  });

  it('counts rejections by cause and retries by method', async () => {
    const events = resilienceEvents(metrics, log);
    events.rejected!(call, 'bulkhead-full');
    events.retried!(call, 2, undefined as never);
    expect(await values('junction_upstream_calls_rejected_total')).toEqual([
      'junction_upstream_calls_rejected_total{upstream="catalog",cause="bulkhead-full"} 1',
    ]);
    expect(await values('junction_upstream_retries_total')).toEqual([
      'junction_upstream_retries_total{upstream="catalog",method="GetProduct"} 1',
    ]);
  });

  it('counts a spent retry budget on its own counter and as a rejection cause', async () => {
    resilienceEvents(metrics, log).retryBudgetExhausted!(call);
    expect(await values('junction_upstream_retry_budget_exhausted_total')).toEqual([
      'junction_upstream_retry_budget_exhausted_total{upstream="catalog"} 1',
    ]);
    expect(await values('junction_upstream_calls_rejected_total')).toEqual([
      'junction_upstream_calls_rejected_total{upstream="catalog",cause="retry-budget"} 1',
    ]);
  });

  it('counts and logs ejections per upstream and reason', async () => {
    ejectionReport(metrics, 'catalog', log)('catalog-1', 'failures', Date.now() + 1_000);
    expect(await values('junction_upstream_ejections_total')).toEqual([
      'junction_upstream_ejections_total{upstream="catalog",reason="failures"} 1',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/^log catalog instance catalog-1 out of rotation \(failures\)/),
    ]);
  });

  it('reads the forced breaker states at scrape time, for every method, auto by default', async () => {
    let forced: 'open' | 'closed' | undefined;
    metrics.reportForcedBreakers('reviews', ['GetSummary', 'ListReviews'], (method) =>
      method === 'GetSummary' ? forced : undefined,
    );
    expect(await values('junction_upstream_breaker_forced')).toEqual([
      'junction_upstream_breaker_forced{upstream="reviews",method="GetSummary"} 0',
      'junction_upstream_breaker_forced{upstream="reviews",method="ListReviews"} 0',
    ]);
    forced = 'open';
    expect(await values('junction_upstream_breaker_forced')).toContain(
      'junction_upstream_breaker_forced{upstream="reviews",method="GetSummary"} 1',
    );
    forced = 'closed';
    expect(await values('junction_upstream_breaker_forced')).toContain(
      'junction_upstream_breaker_forced{upstream="reviews",method="GetSummary"} 2',
    );
  });
});
