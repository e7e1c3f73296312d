import { metricFamiliesSchema, type MetricFamily } from './prom-json.schema';

/** `http://host:port/metrics` for an instance, IPv6 hosts bracketed. */
export const metricsUrl = (address: string, port: number): string =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}/metrics`;

/** One instance's metric families, or a rejection saying why not. */
export async function scrapeMetrics(url: string, timeoutMs: number): Promise<MetricFamily[]> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return metricFamiliesSchema.parse(await response.json());
}
