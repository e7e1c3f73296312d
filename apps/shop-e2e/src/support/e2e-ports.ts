import type { ShopPorts } from '@junction/testing';

/** Apart from `npm start`'s defaults, so both can run at once. */
export const E2E_PORTS: ShopPorts = {
  registry: 18501,
  gateway: 18080,
  catalog: 21051,
  inventory: 21052,
  reviews: 21053,
  orders: 21054,
};
export const OTLP_RECEIVER_PORT = 14318;

export const GATEWAY = `http://127.0.0.1:${E2E_PORTS.gateway}`;
export const OTLP_RECEIVER = `http://127.0.0.1:${OTLP_RECEIVER_PORT}`;
export const grpcAddress = (service: Exclude<keyof ShopPorts, 'gateway' | 'registry'>) =>
  `127.0.0.1:${E2E_PORTS[service]}`;
