import { grpcServiceEnv, millisField, upstreamAddressesField } from '@junction/config';
import { TRANSPORT_KINDS } from '@junction/grpc-client';
import { databaseEnv } from '@junction/persistence';
import { z } from 'zod';

const DAY_MS = 86_400_000;

export const ordersConfigSchema = z.object({
  ...grpcServiceEnv('ORDERS', 9104),
  ...databaseEnv(),
  // The low 16 bits of every order id: unique per running instance, or two
  // instances can issue the same id in the same 10 ms tick. Unset, each
  // instance picks one at random (replicas of one Deployment share their
  // environment); the unique order id of every idempotency key catches the
  // rare clash before anything is reserved, and a new id is drawn.
  ORDERS_MACHINE_ID: z.coerce.number().int().min(0).max(65535).optional(),
  // How long a CreateOrder may hold its idempotency key unfinished before a
  // retry with that key takes it over (the instance creating it died). Above
  // the longest creation: the upstream timeouts of its three calls.
  IDEMPOTENCY_CLAIM_LEASE_MS: millisField(10_000),
  UPSTREAM_CATALOG: upstreamAddressesField('127.0.0.1:9101'),
  UPSTREAM_INVENTORY: upstreamAddressesField('127.0.0.1:9102'),
  UPSTREAM_TIMEOUT_MS: millisField(2000),
  GRPC_TRANSPORT: z.enum(TRANSPORT_KINDS).default('mux'),
  // How long a PENDING order keeps its stock reserved; after that the
  // expiry job releases it and ConfirmOrder answers ORDER_EXPIRED.
  ORDER_RESERVATION_TTL_MS: z.coerce
    .number()
    .int()
    .positive()
    .max(7 * DAY_MS)
    .default(15 * 60_000),
  EXPIRY_SWEEP_INTERVAL_MS: millisField(30_000),
  // The Consul KV key instances contend for: its holder runs the expiry job.
  LEADER_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9_,.-]+(\/[A-Za-z0-9_,.-]+)*$/,
      'must be a KV key of [A-Za-z0-9_,.-] segments separated by single slashes',
    )
    .refine((key) => !key.split('/').includes('..'), 'must not contain a .. segment')
    .default('junction/leader/orders-expiry'),
  // Test flag, the counterpart of DEV_REGISTRY_TIME_SCALE: runs the leader
  // session's renewals and retries that much faster. 1 in any real setting.
  LEADER_TIME_SCALE: z.coerce.number().gt(0).max(1).default(1),
});

export type OrdersConfig = z.output<typeof ordersConfigSchema>;

/** Nest token for the parsed config; the module reads the environment once. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
