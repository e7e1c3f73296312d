import type { ServiceDefinition } from '@junction/contracts';
import type { BalancerKind } from '@junction/discovery';
import { catalogV1 } from '@junction/contracts';
import { inventoryV1 } from '@junction/contracts';
import { reviewsV1 } from '@junction/contracts';
import { ordersV1 } from '@junction/contracts';

/** What the gateway needs to know of one upstream; everything else derives from it. */
export interface UpstreamDeclaration {
  /** Its generated contract: the typed client and the methods its breakers cover. */
  readonly definition: ServiceDefinition;
  /** Default of UPSTREAM_<NAME>, its address when DISCOVERY=static. */
  readonly staticAddress: string;
  /** Default of BALANCER_<NAME>; p2c when not given. */
  readonly balancer?: BalancerKind;
  /** Methods with side effects that are still safe to retry (idempotent by key). */
  readonly retryAlso?: readonly string[];
}

/**
 * Every upstream the gateway calls, by its kebab-case name in discovery: the
 * only list of them. One entry per upstream, each its own line(s), so the
 * generator adds one just before the closing line (with its contracts import).
 */
export const UPSTREAMS = {
  catalog: {
    definition: catalogV1.CatalogServiceDefinition,
    staticAddress: '127.0.0.1:9101',
  },
  inventory: {
    definition: inventoryV1.InventoryServiceDefinition,
    staticAddress: '127.0.0.1:9102',
  },
  // Reviews by product id: a product's reviews stay warm in one instance's cache.
  reviews: {
    definition: reviewsV1.ReviewsServiceDefinition,
    staticAddress: '127.0.0.1:9103',
    balancer: 'consistent-hash',
  },
  // Orders keep their idempotency keys in the database every instance
  // shares, so any instance answers a repeat with the first order (and a
  // repeat while the first runs with 409): CreateOrder is safe to retry
  // anywhere, and creates balance by load.
  orders: {
    definition: ordersV1.OrdersServiceDefinition,
    staticAddress: '127.0.0.1:9104',
    balancer: 'p2c',
    retryAlso: ['CreateOrder'],
  },
} as const satisfies Record<string, UpstreamDeclaration>;

export type UpstreamName = keyof typeof UPSTREAMS;

/** The declared names, in declaration order. */
export const UPSTREAM_NAMES = Object.keys(UPSTREAMS) as readonly UpstreamName[];

/** One value per declared upstream, from its name and declaration. */
export const perUpstream = <T>(
  of: (name: UpstreamName, declaration: UpstreamDeclaration) => T,
): Readonly<Record<UpstreamName, T>> => {
  const entries = UPSTREAM_NAMES.map((name) => [name, of(name, UPSTREAMS[name])] as const);
  return Object.fromEntries(entries) as Record<UpstreamName, T>;
};
