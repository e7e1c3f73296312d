import { Logger, type Provider } from '@nestjs/common';
import { catalogV1, inventoryV1, type ServiceDefinition } from '@junction/contracts';
import { upstreamResolver } from '@junction/discovery';
import {
  connectUpstream,
  createTransport,
  type UnaryTransport,
  type UpstreamOptions,
} from '@junction/grpc-client';
import { discoveryMetrics, UpstreamMetrics } from '@junction/metrics';
import {
  forcedStateOf,
  watchBreakerForces,
  type BreakerForces,
  type UpstreamPolicy,
} from '@junction/resilience';
import { ORDERS_CONFIG, type OrdersConfig } from '../config/orders.config';
import { CatalogPriceList } from '../data/catalog-price-list.adapter';
import { InventoryStockReservations } from '../data/inventory-stock-reservations.adapter';
import { PriceList } from '../domain/price-list.port';
import { StockReservations } from '../domain/stock-reservations.port';
import { ordersClientChain } from './orders-client-chain';
import { ORDERS_METRICS, type OrdersMetrics } from './orders-metrics';
import { ordersRuntimeConfig, type OrdersRuntimeConfig } from './orders-runtime';

/** Everything both upstream clients share: one resolver, one transport. */
export const UPSTREAMS = Symbol('UPSTREAMS');
const TRANSPORT = Symbol('TRANSPORT');
export const RUNTIME = Symbol('RUNTIME');
export const CHAINS = Symbol('CHAINS');
const UPSTREAM_METRICS = Symbol('UPSTREAM_METRICS');
export const BREAKER_FORCES = Symbol('BREAKER_FORCES');
export type Chains = Readonly<Record<'catalog' | 'inventory', UpstreamPolicy>>;
const DEFINITIONS = {
  catalog: catalogV1.CatalogServiceDefinition,
  inventory: inventoryV1.InventoryServiceDefinition,
} as const;
const UPSTREAM_NAMES = Object.keys(DEFINITIONS) as (keyof Chains)[];
const discoveryLog = new Logger('Discovery');
export type Upstreams = Omit<UpstreamOptions, 'upstream'>;

/** A typed client of one upstream: the shared resolver and transport, its own chain. */
const upstreamClient = <D extends ServiceDefinition>(
  definition: D,
  upstream: keyof Chains,
  shared: Upstreams,
  chains: Chains,
) =>
  connectUpstream(definition, {
    ...shared,
    upstream,
    middleware: chains[upstream].middleware,
    ejection: chains[upstream].ejection,
  });

/**
 * Orders' upstream side: one resolver and transport for catalog and
 * inventory, each with its own chain (live policy, forced breakers,
 * metrics), and the domain ports built on them.
 */
export const upstreamProviders: Provider[] = [
  {
    provide: TRANSPORT,
    inject: [ORDERS_CONFIG],
    useFactory: (config: OrdersConfig) => createTransport(config.GRPC_TRANSPORT),
  },
  {
    provide: UPSTREAMS,
    inject: [ORDERS_CONFIG, TRANSPORT, ORDERS_METRICS],
    useFactory: (
      config: OrdersConfig,
      transport: UnaryTransport,
      metrics: OrdersMetrics,
    ): Upstreams => {
      const resolver = upstreamResolver(
        config,
        UPSTREAM_NAMES,
        () => ({
          catalog: config.UPSTREAM_CATALOG,
          inventory: config.UPSTREAM_INVENTORY,
        }),
        {
          onError: (message, error) => discoveryLog.warn(`${message}: ${String(error)}`),
          onInfo: (message, fields) => discoveryLog.log(`${message} ${JSON.stringify(fields)}`),
        },
      );
      discoveryMetrics(metrics.registry, { resolver, upstreams: UPSTREAM_NAMES });
      return { resolver, transport, defaultTimeoutMs: config.UPSTREAM_TIMEOUT_MS };
    },
  },
  {
    provide: RUNTIME,
    inject: [ORDERS_CONFIG, ORDERS_METRICS],
    useFactory: (config: OrdersConfig, metrics: OrdersMetrics) =>
      ordersRuntimeConfig(config, metrics.runtimeConfig),
  },
  {
    provide: UPSTREAM_METRICS,
    inject: [ORDERS_METRICS],
    useFactory: (metrics: OrdersMetrics) => new UpstreamMetrics(metrics.registry),
  },
  {
    provide: BREAKER_FORCES,
    inject: [ORDERS_CONFIG, ORDERS_METRICS],
    useFactory: (config: OrdersConfig, metrics: OrdersMetrics) =>
      watchBreakerForces(config, UPSTREAM_NAMES, {
        log: new Logger('BreakerForces'),
        observer: metrics.runtimeConfig,
      }),
  },
  {
    provide: CHAINS,
    inject: [ORDERS_CONFIG, RUNTIME, UPSTREAM_METRICS, BREAKER_FORCES],
    useFactory: (
      config: OrdersConfig,
      runtime: OrdersRuntimeConfig,
      metrics: UpstreamMetrics,
      forces: BreakerForces,
    ): Chains => {
      const chainOf = (upstream: keyof Chains) => {
        const methods = Object.values(DEFINITIONS[upstream].methods).map((m) => m.name);
        metrics.reportForcedBreakers(upstream, methods, (method) =>
          forcedStateOf(forces.current(upstream), method),
        );
        return ordersClientChain(upstream, config.UPSTREAM_TIMEOUT_MS, {
          runtime,
          metrics,
          breakerForce: () => forces.current(upstream),
        });
      };
      return { catalog: chainOf('catalog'), inventory: chainOf('inventory') };
    },
  },
  {
    provide: PriceList,
    inject: [UPSTREAMS, CHAINS],
    useFactory: (shared: Upstreams, chains: Chains) =>
      new CatalogPriceList(upstreamClient(DEFINITIONS.catalog, 'catalog', shared, chains)),
  },
  {
    provide: StockReservations,
    inject: [UPSTREAMS, CHAINS],
    useFactory: (shared: Upstreams, chains: Chains) =>
      new InventoryStockReservations(
        upstreamClient(DEFINITIONS.inventory, 'inventory', shared, chains),
      ),
  },
];
