import { Metadata } from '@grpc/grpc-js';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { catalogV1, ordersV1 } from '@junction/contracts';
import { GrpcCallError, GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { clientPolicySchema, type ClientPolicy } from '../policy/client-policy.schema';

const catalog = catalogV1.CatalogServiceDefinition.methods;
const orders = ordersV1.OrdersServiceDefinition.methods;

/** A GetProduct call (NO_SIDE_EFFECTS) due in `timeoutMs`. */
export const getProduct = (overrides: Partial<UnaryCall> = {}): UnaryCall => ({
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method: catalog.getProduct,
  request: { id: '7' },
  metadata: new Metadata(),
  deadline: Date.now() + 2_000,
  ...overrides,
});

/** A CreateOrder call (has side effects; idempotent only by its key). */
export const createOrder = (overrides: Partial<UnaryCall> = {}): UnaryCall => ({
  upstream: 'orders',
  path: '/orders.v1.OrdersService/CreateOrder',
  method: orders.createOrder,
  request: { idempotencyKey: 'k', items: [] },
  metadata: new Metadata(),
  deadline: Date.now() + 2_000,
  ...overrides,
});

/** An error as the upstream would answer it. */
export const upstreamError = (code: GrpcStatus, details = 'boom'): GrpcCallError =>
  new GrpcCallError(code, details, 'catalog', '/catalog.v1.CatalogService/GetProduct');

export const policyWith = (json: Record<string, unknown> = {}): (() => ClientPolicy) => {
  const policy = clientPolicySchema.parse(json);
  return () => policy;
};

/** Enables AsyncLocalStorage context for the suite (the deadline budget lives there). */
export function useAsyncContext(): void {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => context.disable());
}
