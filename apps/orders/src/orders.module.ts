import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { BreakerForces } from '@junction/resilience';
import { SERVICE_DATABASE } from '@junction/grpc-server';
import type { Kysely } from 'kysely';
import { randomInt } from 'node:crypto';
import { ORDERS_CONFIG, type OrdersConfig } from './config/orders.config';
import type { OrdersTables } from './data/orders.tables';
import { SqlIdempotencyKeys } from './data/sql-idempotency-keys';
import { SqlOrderRepository } from './data/sql-order.repository';
import { Clock, SystemClock } from './domain/clock';
import { IdempotencyKeys } from './domain/idempotency-keys.port';
import { OrderIdGenerator } from './domain/order-id.generator';
import { OrderLifecycle } from './domain/order-lifecycle.use-case';
import { OrderPlacement } from './domain/order-placement.use-case';
import { OrderRepository } from './domain/order.repository';
import { ReservationExpiry } from './domain/reservation-expiry.use-case';
import { StockReservations } from './domain/stock-reservations.port';
import { ExpiryJob } from './expiry/expiry-job';
import { expiryLeadership, type Leadership } from './expiry/expiry-leadership';
import { OrdersController } from './grpc/orders.controller';
import { ORDERS_METRICS, type OrdersMetrics } from './upstreams/orders-metrics';
import type { OrdersRuntimeConfig } from './upstreams/orders-runtime';
import {
  BREAKER_FORCES,
  CHAINS,
  RUNTIME,
  UPSTREAMS,
  upstreamProviders,
  type Chains,
  type Upstreams,
} from './upstreams/upstream.providers';

const EXPIRY_LEADERSHIP = Symbol('EXPIRY_LEADERSHIP');
/** Orders per expiry sweep. */
const EXPIRY_BATCH_SIZE = 500;
/**
 * 24 h covers any sane client retry window (retries come within minutes);
 * after it the key may be used again, for a new order.
 */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MACHINE_IDS = 65_536;

const providers = [
  OrderPlacement,
  OrderLifecycle,
  { provide: Clock, useClass: SystemClock },
  ...upstreamProviders,
  {
    provide: OrderIdGenerator,
    inject: [ORDERS_CONFIG, Clock],
    useFactory: (config: OrdersConfig, clock: Clock) =>
      new OrderIdGenerator(config.ORDERS_MACHINE_ID ?? randomInt(MACHINE_IDS), clock),
  },
  {
    provide: IdempotencyKeys,
    inject: [SERVICE_DATABASE, Clock, ORDERS_CONFIG],
    useFactory: (db: Kysely<OrdersTables>, clock: Clock, config: OrdersConfig) =>
      new SqlIdempotencyKeys(db, clock, {
        ttlMs: IDEMPOTENCY_KEY_TTL_MS,
        claimLeaseMs: config.IDEMPOTENCY_CLAIM_LEASE_MS,
      }),
  },
  {
    provide: OrderRepository,
    inject: [SERVICE_DATABASE],
    useFactory: (db: Kysely<OrdersTables>) => new SqlOrderRepository(db),
  },
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
    inject: [ReservationExpiry, ORDERS_CONFIG, IdempotencyKeys],
    useFactory: (expiry: ReservationExpiry, config: OrdersConfig, keys: IdempotencyKeys) =>
      new ExpiryJob(expiry, config.EXPIRY_SWEEP_INTERVAL_MS, keys),
  },
  // Orders live in the database every instance shares, so the one job on
  // the leader expires the PENDING orders of all of them.
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
    @Inject(BREAKER_FORCES) private readonly breakerForces: BreakerForces,
  ) {}

  /** The config is parsed once, in main, and handed in here with the process's metrics. */
  static register(config: OrdersConfig, metrics: OrdersMetrics): DynamicModule {
    return {
      module: OrdersModule,
      controllers: [OrdersController],
      providers: [
        { provide: ORDERS_CONFIG, useValue: config },
        { provide: ORDERS_METRICS, useValue: metrics },
        ...providers,
      ],
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
    await this.breakerForces.stop();
    for (const chain of Object.values(this.chains)) chain.breakers.close();
    this.upstreams.transport.close();
    await this.upstreams.resolver.close();
  }
}
