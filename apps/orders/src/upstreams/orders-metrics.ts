import { RuntimeConfigMetrics, type Registry } from '@junction/metrics';

/** What main hands the module of the process's metrics: one registry, one set of families. */
export interface OrdersMetrics {
  readonly registry: Registry;
  /** Shared with the fault source, which counts into the same families. */
  readonly runtimeConfig: RuntimeConfigMetrics;
}

/** Nest token for OrdersMetrics. */
export const ORDERS_METRICS = Symbol('ORDERS_METRICS');

/** The families orders adds to its process registry before the module starts. */
export const ordersMetrics = (registry: Registry): OrdersMetrics => ({
  registry,
  runtimeConfig: new RuntimeConfigMetrics(registry),
});
