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

const upstreamClient = (
  token: symbol,
  upstream: UpstreamName,
  definition: ServiceDefinition,
): Provider => ({
  provide: token,
  inject: [SERVICE_RESOLVER, TRANSPORT, UPSTREAM_SETTINGS, GatewayRuntimeConfig],
  useFactory: (
    resolver: ServiceResolver,
    transport: UnaryTransport,
    settings: UpstreamSettings,
    runtime: GatewayRuntimeConfig,
  ) =>
    connectUpstream(definition, {
      middleware: gatewayClientChain(runtime),
      upstream,
      resolver,
      transport,
      defaultTimeoutMs: settings.timeoutMs,
      balancer: settings.balancers[upstream],
      maxEjectionMs: settings.maxEjectionMs,
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
        upstreamClient(CATALOG, 'catalog', catalogV1.CatalogServiceDefinition),
        upstreamClient(INVENTORY, 'inventory', inventoryV1.InventoryServiceDefinition),
        upstreamClient(REVIEWS, 'reviews', reviewsV1.ReviewsServiceDefinition),
        upstreamClient(ORDERS, 'orders', ordersV1.OrdersServiceDefinition),
      ],
      exports: [SERVICE_RESOLVER, CATALOG, INVENTORY, REVIEWS, ORDERS],
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.transport.close();
    await this.resolver.close();
  }
}
