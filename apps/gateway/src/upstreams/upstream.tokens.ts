import type { catalogV1, inventoryV1, ordersV1, reviewsV1 } from '@junction/contracts';
import type { GrpcClient } from '@junction/grpc-client';

/** The upstream names in discovery, and the only place they are spelled. */
export const UPSTREAMS = ['catalog', 'inventory', 'reviews', 'orders'] as const;
export type UpstreamName = (typeof UPSTREAMS)[number];

export const SERVICE_RESOLVER = Symbol('SERVICE_RESOLVER');
export const CATALOG = Symbol('CATALOG');
export const INVENTORY = Symbol('INVENTORY');
export const REVIEWS = Symbol('REVIEWS');
export const ORDERS = Symbol('ORDERS');

export type CatalogClient = GrpcClient<catalogV1.CatalogServiceDefinition>;
export type InventoryClient = GrpcClient<inventoryV1.InventoryServiceDefinition>;
export type ReviewsClient = GrpcClient<reviewsV1.ReviewsServiceDefinition>;
export type OrdersClient = GrpcClient<ordersV1.OrdersServiceDefinition>;
