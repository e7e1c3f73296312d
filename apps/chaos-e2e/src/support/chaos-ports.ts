import type { ShopPorts } from '@junction/testing';

export type ChaosPorts = ShopPorts & {
  /** A second catalog instance, for the suites that need two. */
  readonly secondCatalog?: number;
};

/**
 * One stack per suite, each on its own ports (registry 24500-24504, gateway
 * 24080-24089, services 24101-24149), so suites may run side by side.
 */
export const CHAOS_PORTS = {
  reviewsDown: {
    registry: 24500,
    gateway: 24080,
    catalog: 24101,
    inventory: 24103,
    reviews: 24104,
    orders: 24105,
  },
  slowInventory: {
    registry: 24501,
    gateway: 24081,
    catalog: 24111,
    inventory: 24113,
    reviews: 24114,
    orders: 24115,
  },
  failingCatalogInstance: {
    registry: 24502,
    gateway: 24082,
    catalog: 24121,
    secondCatalog: 24122,
    inventory: 24123,
    reviews: 24124,
    orders: 24125,
  },
  overload: {
    registry: 24503,
    gateway: 24083,
    catalog: 24131,
    inventory: 24133,
    reviews: 24134,
    orders: 24135,
  },
  catalogDown: {
    registry: 24504,
    gateway: 24084,
    catalog: 24141,
    secondCatalog: 24142,
    inventory: 24143,
    reviews: 24144,
    orders: 24145,
  },
} as const satisfies Record<string, ChaosPorts>;
