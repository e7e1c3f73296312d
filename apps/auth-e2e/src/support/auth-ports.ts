import type { ShopPorts } from '@junction/testing';

/** This suite's own range (28700–28719), apart from every other suite and `npm start`. */
export const AUTH_PORTS = {
  adminRegistry: 28700,
  cliRegistry: 28701,
  jwks: 28702,
  shop: {
    registry: 28703,
    gateway: 28704,
    catalog: 28705,
    inventory: 28706,
    reviews: 28707,
    orders: 28708,
  } satisfies ShopPorts,
  /** A second replica of the gateway, on the same registry. */
  gatewayB: 28709,
  /** A gateway behind a trusted proxy (TRUST_PROXY), with a low refused-credential limit. */
  gatewayProxied: 28710,
} as const;
