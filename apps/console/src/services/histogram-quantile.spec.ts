import { bucketBound, histogramQuantile } from './histogram-quantile';

describe('histogram quantiles', () => {
  const buckets = [
    { le: 0.005, count: 50 },
    { le: 0.01, count: 90 },
    { le: 0.1, count: 100 },
    { le: Infinity, count: 100 },
  ];

  it('interpolates inside the bucket that holds the rank, as Prometheus does', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.005);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.0075);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(0.091);
  });

  it('answers the highest finite bound when the rank falls in +Inf, and 0 without data', () => {
    expect(
      histogramQuantile(0.99, [
        { le: 0.1, count: 1 },
        { le: Infinity, count: 10 },
      ]),
    ).toBe(0.1);
    expect(histogramQuantile(0.99, [{ le: Infinity, count: 0 }])).toBe(0);
  });

  it('reads prom-client’s bucket labels', () => {
    expect(bucketBound('+Inf')).toBe(Infinity);
    expect(bucketBound(0.25)).toBe(0.25);
  });
});
