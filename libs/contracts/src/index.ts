// Generated contracts (buf + ts-proto). Each proto package is one namespace,
// so message names never collide across domains.
export * as catalogV1 from './generated/catalog/v1/catalog';
export * as inventoryV1 from './generated/inventory/v1/inventory';
export * as reviewsV1 from './generated/reviews/v1/reviews';
export * as ordersV1 from './generated/orders/v1/orders';
export * as healthV1 from './generated/grpc/health/v1/health';
export * as muxV1 from './generated/junction/mux/v1/mux';
export {
  isProductId,
  isOrderId,
  MAX_PRODUCT_ID,
  PRODUCT_ID_RULE,
  ORDER_ID_RULE,
} from './id-formats';
export type {
  ServiceDefinition,
  MethodDefinition,
  MessageCodec,
  RequestOf,
  ResponseOf,
} from './service-definition.types';
