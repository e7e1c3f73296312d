import type { ServiceMetrics } from '@junction/grpc-server';
import { RuntimeConfigMetrics, type Registry } from '@junction/metrics';

/** The process's metrics, as the service runtime hands them to the module. */
export type OrdersMetrics = ServiceMetrics;

/** Nest token for OrdersMetrics. */
export const ORDERS_METRICS = Symbol('ORDERS_METRICS');

/** The same, for specs that build the module without the runtime. */
export const ordersMetrics = (registry: Registry): OrdersMetrics => ({
  registry,
  runtimeConfig: new RuntimeConfigMetrics(registry),
});
