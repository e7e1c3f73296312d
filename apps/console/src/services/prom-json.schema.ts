import { z } from 'zod';

/**
 * prom-client's `getMetricsAsJSON()`, what each process's metrics endpoint
 * answers to `Accept: application/json`. NaN arrives as null.
 */
export const metricFamiliesSchema = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    values: z.array(
      z.object({
        value: z.number().nullable(),
        labels: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
        metricName: z.string().optional(),
      }),
    ),
  }),
);

export type MetricFamily = z.output<typeof metricFamiliesSchema>[number];
export type MetricSample = MetricFamily['values'][number];

/** The samples of family `name` (of `metricName`, for a histogram's series). */
export function samplesOf(
  families: readonly MetricFamily[],
  name: string,
  metricName = name,
): MetricSample[] {
  const family = families.find((f) => f.name === name);
  return (family?.values ?? []).filter((v) => (v.metricName ?? name) === metricName);
}

/** Sum of every sample of a counter or gauge family. */
export const sumOf = (families: readonly MetricFamily[], name: string): number | undefined => {
  const family = families.find((f) => f.name === name);
  return family ? family.values.reduce((sum, v) => sum + (v.value ?? 0), 0) : undefined;
};
