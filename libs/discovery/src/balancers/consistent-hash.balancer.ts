import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer } from './balancer.port';
import { hash32 } from './hash32';
import { P2cBalancer, type RandomSource } from './p2c.balancer';

export interface ConsistentHashOptions {
  /** Points per instance on the ring; more points, more even shares. */
  readonly virtualNodes?: number;
  /** For the keyless fallback. */
  readonly random?: RandomSource;
}

interface Ring {
  /** Sorted ring positions. */
  readonly points: Uint32Array;
  /** The instance owning each position. */
  readonly owners: readonly ServiceInstance[];
}

/**
 * Same key, same instance (cache affinity): a hash ring with virtual nodes
 * placed by instance id, so when an instance comes or goes only the keys on
 * its arcs move, about 1/n of them. Calls without a key have no affinity to
 * keep, so they go to power of two choices, which also balances load.
 */
export class ConsistentHashBalancer implements Balancer {
  private readonly virtualNodes: number;
  private readonly keyless: P2cBalancer;
  private ring: Ring = { points: new Uint32Array(0), owners: [] };
  private ringIds = '';
  private ringList?: readonly ServiceInstance[];

  constructor(options: ConsistentHashOptions = {}) {
    this.virtualNodes = options.virtualNodes ?? 100;
    this.keyless = new P2cBalancer(options.random);
  }

  pick(instances: readonly ServiceInstance[], key?: string): ServiceInstance | undefined {
    if (key === undefined) return this.keyless.pick(instances);
    if (instances.length <= 1) return instances[0];
    const { points, owners } = this.ringFor(instances);
    const at = firstAtOrAfter(points, hash32(key));
    return owners[at === points.length ? 0 : at];
  }

  onStart(instance: ServiceInstance): void {
    this.keyless.onStart(instance);
  }

  onEnd(instance: ServiceInstance): void {
    this.keyless.onEnd(instance);
  }

  /** Rebuilt only when the set of instances (or an address) changes. */
  private ringFor(instances: readonly ServiceInstance[]): Ring {
    if (instances === this.ringList) return this.ring;
    const ids = instances
      .map((i) => `${i.id}@${i.address}`)
      .sort()
      .join('\n');
    if (ids !== this.ringIds) {
      this.ring = buildRing(instances, this.virtualNodes);
      this.ringIds = ids;
    }
    this.ringList = instances;
    return this.ring;
  }
}

function buildRing(instances: readonly ServiceInstance[], virtualNodes: number): Ring {
  const entries: { point: number; owner: ServiceInstance }[] = [];
  for (const owner of instances) {
    for (let v = 0; v < virtualNodes; v++)
      entries.push({ point: hash32(`${owner.id}#${v}`), owner });
  }
  // Ties (rare) are broken by id, so the ring does not depend on list order.
  entries.sort((x, y) => x.point - y.point || (x.owner.id < y.owner.id ? -1 : 1));
  return {
    points: Uint32Array.from(entries, (e) => e.point),
    owners: entries.map((e) => e.owner),
  };
}

/** Index of the first point >= hash, or points.length when there is none. */
function firstAtOrAfter(points: Uint32Array, hash: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (points[mid] < hash) low = mid + 1;
    else high = mid;
  }
  return low;
}
