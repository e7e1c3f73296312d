import type { ShopPorts } from '@junction/testing';

/**
 * This project's ports (25000-25999, below the ephemeral range): one stack
 * per suite, so the suites may run side by side with the other projects'.
 */
export const PROMETHEUS_STACK: ShopPorts = {
  registry: 25500,
  gateway: 25080,
  catalog: 25101,
  inventory: 25102,
  reviews: 25103,
  orders: 25104,
};
export const PROMETHEUS_CONSOLE = { console: 25090, otlp: 25318 } as const;
export const PROMETHEUS_PORT = 25909;
export const PROMETHEUS_REDIS_PORT = 25379;

export const BROWSER_STACK: ShopPorts = {
  registry: 25501,
  gateway: 25081,
  catalog: 25111,
  inventory: 25112,
  reviews: 25113,
  orders: 25114,
};
export const BROWSER_CONSOLE = { console: 25091, otlp: 25319 } as const;
