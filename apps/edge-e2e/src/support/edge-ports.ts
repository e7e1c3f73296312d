import type { ShopPorts } from '@junction/testing';

/**
 * This project's ports: gateways 17080-17099 (services at the top of that
 * range), redis-servers 16380-16399, the dev registry 17500-17509.
 */
export const SERVICE_PORTS: ShopPorts = {
  registry: 17500,
  gateway: 17080,
  catalog: 17096,
  inventory: 17097,
  reviews: 17098,
  orders: 17099,
};

export const GATEWAY_PORTS = {
  rateLimit: 17080,
  sharedA: 17081,
  sharedB: 17082,
  redisOutage: 17083,
  shedding: 17084,
} as const;

export const REDIS_PORTS = { shared: 16380, outage: 16381 } as const;

/** The black-hole upstream of the shedding suite. */
export const STALLED_UPSTREAM_PORT = 17095;

export const REGISTRY_URL = `http://127.0.0.1:${SERVICE_PORTS.registry}`;
