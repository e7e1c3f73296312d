import { grpcServiceEnv, millisField } from '@junction/config';
import { TRANSPORT_KINDS } from '@junction/grpc-client';
import { z } from 'zod';

export const ordersConfigSchema = z.object({
  ...grpcServiceEnv('ORDERS', 50054),
  // The low 16 bits of every order id: unique per running instance, or two
  // instances can issue the same id in the same 10 ms tick.
  ORDERS_MACHINE_ID: z.coerce.number().int().min(0).max(65535).default(1),
  UPSTREAM_CATALOG: z.string().min(1).default('127.0.0.1:50051'),
  UPSTREAM_INVENTORY: z.string().min(1).default('127.0.0.1:50052'),
  UPSTREAM_TIMEOUT_MS: millisField(2000),
  GRPC_TRANSPORT: z.enum(TRANSPORT_KINDS).default('http2'),
});

export type OrdersConfig = z.output<typeof ordersConfigSchema>;

/** Nest token for the parsed config; the module reads the environment once. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
