import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import {
  catalogV1,
  inventoryV1,
  ordersV1,
  reviewsV1,
  type ServiceDefinition,
} from '@junction/contracts';
import { upstreamResolver, type ServiceResolver } from '@junction/discovery';
import { connectUpstream, createTransport, type UnaryTransport } from '@junction/grpc-client';
import { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import type { UpstreamPolicy } from '@junction/resilience';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { gatewayClientChain } from './gateway-client-chain';
import type { UpstreamSettings } from './upstream-settings';
import {
  CATALOG,
  INVENTORY,
  ORDERS,
  REVIEWS,
  SERVICE_RESOLVER,
  UPSTREAMS,
  type UpstreamName,
} from './upstream.tokens';

const UPSTREAM_SETTINGS = Symbol('UPSTREAM_SETTINGS');
const TRANSPORT = Symbol('TRANSPORT');
/** Each upstream's resilient chain (its breakers are this gateway's, per upstream). */
const CLIENT_CHAINS = Symbol('CLIENT_CHAINS');
type ClientChains = Readonly<Record<UpstreamName, UpstreamPolicy>>;

const upstreamClient = (
  token: symbol,
  upstream: UpstreamName,
  definition: ServiceDefinition,
): Provider => ({
  provide: token,
  inject: [SERVICE_RESOLVER, TRANSPORT, UPSTREAM_SETTINGS, CLIENT_CHAINS],
  useFactory: (
    resolver: ServiceResolver,
    transport: UnaryTransport,
    settings: UpstreamSettings,
    chains: ClientChains,
  ) =>
    connectUpstream(definition, {
      middleware: chains[upstream].middleware,
      upstream,
      resolver,
      transport,
      defaultTimeoutMs: settings.timeoutMs,
      balancer: settings.balancers[upstream],
      ejection: chains[upstream].ejection,
    }),
});

/**
 * Typed clients for every upstream, sharing one resolver and one transport;
 * each has its own balancer and ejections.
 */
@Module({})
export class UpstreamsModule implements OnModuleDestroy {
  constructor(
    @Inject(TRANSPORT) private readonly transport: UnaryTransport,
    @Inject(SERVICE_RESOLVER) private readonly resolver: ServiceResolver,
    @Inject(CLIENT_CHAINS) private readonly chains: ClientChains,
  ) {}

  static register(settings: UpstreamSettings): DynamicModule {
    return {
      module: UpstreamsModule,
      global: true,
      providers: [
        { provide: UPSTREAM_SETTINGS, useValue: settings },
        {
          provide: SERVICE_RESOLVER,
          useFactory: () => {
            const log = new Logger('Discovery');
            return upstreamResolver(settings.discovery, UPSTREAMS, () => settings.addresses, {
              onError: (message, error) => log.warn(`${message}: ${String(error)}`),
              onInfo: (message, fields) => log.log(`${message} ${JSON.stringify(fields)}`),
            });
          },
        },
        { provide: TRANSPORT, useFactory: () => createTransport(settings.transport) },
        {
          provide: CLIENT_CHAINS,
          inject: [GatewayRuntimeConfig, GatewayMetrics],
          useFactory: (runtime: GatewayRuntimeConfig, metrics: GatewayMetrics): ClientChains => {
            const log = new Logger('Upstreams');
            const deps = { runtime, metrics, log, maxEjectionMs: settings.maxEjectionMs };
            const chainOf = (upstream: UpstreamName) =>
              gatewayClientChain(upstream, settings.policies[upstream], deps);
            return Object.fromEntries(
              UPSTREAMS.map((name) => [name, chainOf(name)]),
            ) as ClientChains;
          },
        },
        upstreamClient(CATALOG, 'catalog', catalogV1.CatalogServiceDefinition),
        upstreamClient(INVENTORY, 'inventory', inventoryV1.InventoryServiceDefinition),
        upstreamClient(REVIEWS, 'reviews', reviewsV1.ReviewsServiceDefinition),
        upstreamClient(ORDERS, 'orders', ordersV1.OrdersServiceDefinition),
      ],
      exports: [SERVICE_RESOLVER, CATALOG, INVENTORY, REVIEWS, ORDERS],
    };
  }

  async onModuleDestroy(): Promise<void> {
    for (const chain of Object.values(this.chains)) chain.breakers.close();
    this.transport.close();
    await this.resolver.close();
  }
}
