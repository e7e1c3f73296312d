import type { z } from 'zod';
import { GATEWAY_RUNTIME_KEY, gatewayRuntimeSchema } from './gateway-runtime.schema';
import { ORDERS_RUNTIME_KEY, ordersRuntimeSchema } from './orders-runtime.schema';

export interface RuntimeSchemaEntry {
  /** The Consul KV key the app watches. */
  readonly key: string;
  readonly schema: z.ZodType;
}

/**
 * Every app that reads a runtime configuration from Consul KV, with the
 * schema it parses it with, so a writer (the console) refuses exactly what
 * the app would refuse.
 */
export const RUNTIME_SCHEMAS: Readonly<Record<string, RuntimeSchemaEntry>> = {
  gateway: { key: GATEWAY_RUNTIME_KEY, schema: gatewayRuntimeSchema },
  orders: { key: ORDERS_RUNTIME_KEY, schema: ordersRuntimeSchema },
};

/** The runtime schema of `app`, or undefined when it reads none. */
export const runtimeSchemaOf = (app: string): RuntimeSchemaEntry | undefined =>
  Object.hasOwn(RUNTIME_SCHEMAS, app) ? RUNTIME_SCHEMAS[app] : undefined;
