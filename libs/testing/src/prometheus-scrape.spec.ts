import { parsePrometheusText } from './prometheus-scrape';

const TEXT = `# HELP junction_upstream_retries_total Retry attempts of upstream calls
# TYPE junction_upstream_retries_total counter
junction_upstream_retries_total{upstream="catalog",method="GetProduct"} 3
junction_upstream_retries_total{upstream="catalog",method="ListProducts"} 2
junction_upstream_retries_total{upstream="orders",method="CreateOrder"} 1
junction_upstream_breaker_state{upstream="reviews",method="GetSummary"} 2
process_start_time_seconds 1700000000
odd_label{detail="say \\"hi\\"\\\\"} 1
`;

describe('parsePrometheusText', () => {
  const scrape = parsePrometheusText(TEXT);

  it('sums the series whose labels include the ones asked for', () => {
    expect(scrape.value('junction_upstream_retries_total', { upstream: 'catalog' })).toBe(5);
    expect(scrape.value('junction_upstream_retries_total')).toBe(6);
    expect(
      scrape.value('junction_upstream_breaker_state', {
        upstream: 'reviews',
        method: 'GetSummary',
      }),
    ).toBe(2);
  });

  it('reads series without labels and skips comments', () => {
    expect(scrape.value('process_start_time_seconds')).toBe(1_700_000_000);
    expect(scrape.samples).toHaveLength(6);
  });

  it('answers undefined when no series matches, so "never counted" is visible', () => {
    expect(
      scrape.value('junction_upstream_retries_total', { upstream: 'reviews' }),
    ).toBeUndefined();
    expect(scrape.value('junction_gateway_shed_total')).toBeUndefined();
  });

  it('unescapes label values', () => {
    expect(scrape.samples.at(-1)?.labels).toEqual({ detail: 'say "hi"\\' });
  });
});
