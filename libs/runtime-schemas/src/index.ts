export {
  gatewayRuntimeSchema,
  GATEWAY_RUNTIME_KEY,
  type GatewayRuntime,
} from './gateway-runtime.schema';
export {
  rateLimitRuntimeSchema,
  routeRateLimitSchema,
  type RateLimitRuntime,
  type RouteRateLimit,
} from './rate-limit-runtime.schema';
export { sheddingRuntimeSchema, type SheddingRuntime } from './shedding-runtime.schema';
export {
  ordersRuntimeSchema,
  ORDERS_RUNTIME_KEY,
  type OrdersRuntime,
} from './orders-runtime.schema';
export { RUNTIME_SCHEMAS, runtimeSchemaOf, type RuntimeSchemaEntry } from './runtime-schemas';
