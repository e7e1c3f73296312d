import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { catalogV1, inventoryV1, type ServiceDefinition } from '@junction/contracts';
import type { UpstreamPolicy } from '@junction/resilience';
import { upstreamResolver } from '@junction/discovery';
import {
  connectUpstream,
  createTransport,
  type UnaryTransport,
  type UpstreamOptions,
} from '@junction/grpc-client';
import { ORDERS_CONFIG, type OrdersConfig } from './config/orders.config';
import { CatalogPriceList } from './data/catalog-price-list.adapter';
import { InMemoryOrderRepository } from './data/in-memory-order.repository';
import { InventoryStockReservations } from './data/inventory-stock-reservations.adapter';
import { Clock, SystemClock } from './domain/clock';
import { IdempotencyStore } from './domain/idempotency.store';
import { OrderIdGenerator } from './domain/order-id.generator';
import { OrderLifecycle } from './domain/order-lifecycle.use-case';
import { OrderPlacement } from './domain/order-placement.use-case';
import { OrderRepository } from './domain/order.repository';
import { PriceList } from './domain/price-list.port';
import { ReservationExpiry } from './domain/reservation-expiry.use-case';
import { StockReservations } from './domain/stock-reservations.port';
import { ExpiryJob } from './expiry/expiry-job';
import { expiryLeadership, type Leadership } from './expiry/expiry-leadership';
import { OrdersController } from './grpc/orders.controller';
import { ordersClientChain } from './upstreams/orders-client-chain';
import { ordersRuntimeConfig, type OrdersRuntimeConfig } from './upstreams/orders-runtime';

/** Everything both upstream clients share: one resolver, one transport. */
const UPSTREAMS = Symbol('UPSTREAMS');
const TRANSPORT = Symbol('TRANSPORT');
const EXPIRY_LEADERSHIP = Symbol('EXPIRY_LEADERSHIP');
const RUNTIME = Symbol('RUNTIME');
const CHAINS = Symbol('CHAINS');
type Chains = Readonly<Record<'catalog' | 'inventory', UpstreamPolicy>>;
/** Orders per expiry sweep. */
const EXPIRY_BATCH_SIZE = 500;
const discoveryLog = new Logger('Discovery');
type Upstreams = Omit<UpstreamOptions, 'upstream'>;

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

const providers = [
  OrderPlacement,
  OrderLifecycle,
  { provide: Clock, useClass: SystemClock },
  {
    provide: TRANSPORT,
    inject: [ORDERS_CONFIG],
    useFactory: (config: OrdersConfig) => createTransport(config.GRPC_TRANSPORT),
  },
  {
    provide: UPSTREAMS,
    inject: [ORDERS_CONFIG, TRANSPORT],
    useFactory: (config: OrdersConfig, transport: UnaryTransport): Upstreams => ({
      resolver: upstreamResolver(
        config,
        ['catalog', 'inventory'],
        () => ({
          catalog: config.UPSTREAM_CATALOG,
          inventory: config.UPSTREAM_INVENTORY,
        }),
        {
          onError: (message, error) => discoveryLog.warn(`${message}: ${String(error)}`),
          onInfo: (message, fields) => discoveryLog.log(`${message} ${JSON.stringify(fields)}`),
        },
      ),
      transport,
      defaultTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    }),
  },
  {
    provide: RUNTIME,
    inject: [ORDERS_CONFIG],
    useFactory: (config: OrdersConfig) => ordersRuntimeConfig(config),
  },
  {
    provide: CHAINS,
    inject: [ORDERS_CONFIG, RUNTIME],
    useFactory: (config: OrdersConfig, runtime: OrdersRuntimeConfig): Chains => ({
      catalog: ordersClientChain('catalog', config.UPSTREAM_TIMEOUT_MS, runtime),
      inventory: ordersClientChain('inventory', config.UPSTREAM_TIMEOUT_MS, runtime),
    }),
  },
  {
    provide: PriceList,
    inject: [UPSTREAMS, CHAINS],
    useFactory: (shared: Upstreams, chains: Chains) =>
      new CatalogPriceList(
        upstreamClient(catalogV1.CatalogServiceDefinition, 'catalog', shared, chains),
      ),
  },
  {
    provide: StockReservations,
    inject: [UPSTREAMS, CHAINS],
    useFactory: (shared: Upstreams, chains: Chains) =>
      new InventoryStockReservations(
        upstreamClient(inventoryV1.InventoryServiceDefinition, 'inventory', shared, chains),
      ),
  },
  {
    provide: OrderIdGenerator,
    inject: [ORDERS_CONFIG, Clock],
    useFactory: (config: OrdersConfig, clock: Clock) =>
      new OrderIdGenerator(config.ORDERS_MACHINE_ID, clock),
  },
  {
    provide: IdempotencyStore,
    inject: [Clock],
    useFactory: (clock: Clock) => new IdempotencyStore(clock),
  },
  { provide: OrderRepository, useClass: InMemoryOrderRepository },
  {
    provide: ReservationExpiry,
    inject: [ORDERS_CONFIG, OrderRepository, StockReservations, Clock],
    useFactory: (
      config: OrdersConfig,
      orders: OrderRepository,
      stock: StockReservations,
      clock: Clock,
    ) =>
      new ReservationExpiry(orders, stock, clock, {
        ttlMs: config.ORDER_RESERVATION_TTL_MS,
        batchSize: EXPIRY_BATCH_SIZE,
      }),
  },
  {
    provide: ExpiryJob,
    inject: [ReservationExpiry, ORDERS_CONFIG],
    useFactory: (expiry: ReservationExpiry, config: OrdersConfig) =>
      new ExpiryJob(expiry, config.EXPIRY_SWEEP_INTERVAL_MS),
  },
  // Orders live in each instance's memory (InMemoryOrderRepository), so the
  // job on the leader expires only the leader's own orders: PENDING orders
  // of the other instances keep their stock until those instances lead.
  // Correct expiry across instances needs shared order storage (out of scope).
  {
    provide: EXPIRY_LEADERSHIP,
    inject: [ORDERS_CONFIG, ExpiryJob],
    useFactory: (config: OrdersConfig, job: ExpiryJob) =>
      expiryLeadership(config, job, { timeScale: config.LEADER_TIME_SCALE }),
  },
];

@Module({})
export class OrdersModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Upstreams,
    @Inject(EXPIRY_LEADERSHIP) private readonly leadership: Leadership,
    @Inject(RUNTIME) private readonly runtime: OrdersRuntimeConfig,
    @Inject(CHAINS) private readonly chains: Chains,
  ) {}

  /** The config is parsed once, in main, and handed in here. */
  static register(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersModule,
      controllers: [OrdersController],
      providers: [{ provide: ORDERS_CONFIG, useValue: config }, ...providers],
    };
  }

  /** Campaigns for the expiry job (or just runs it, with DISCOVERY=static). */
  onApplicationBootstrap(): void {
    this.leadership.start();
  }

  /**
   * Nest runs this after the server has drained. The expiry job stops and
   * the lock is released first (explicitly: another instance takes over at
   * once, without a lock-delay), while inventory is still reachable; then
   * no call needs a channel any more.
   */
  async onModuleDestroy(): Promise<void> {
    await this.leadership.stop();
    await this.runtime.stop();
    for (const chain of Object.values(this.chains)) chain.breakers.close();
    this.upstreams.transport.close();
    await this.upstreams.resolver.close();
  }
}
