import type { ShopPorts } from '@junction/testing';

/** Apart from every other suite's and `npm start`'s, so all can run at once. */
export const CATALOG_ALONE_PORTS: ShopPorts = {
  registry: 27500,
  gateway: 27080,
  catalog: 27101,
};

export const BUNDLED_SHOP_PORTS: ShopPorts = {
  registry: 27501,
  gateway: 27081,
  catalog: 27111,
  inventory: 27112,
  reviews: 27113,
  orders: 27114,
};
export const BUNDLED_CONSOLE_PORTS = { port: 27090, otlpPort: 27318 } as const;
