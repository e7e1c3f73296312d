import type { Balancer } from './balancer.port';
import { ConsistentHashBalancer } from './consistent-hash.balancer';
import { P2cBalancer, type RandomSource } from './p2c.balancer';
import { RoundRobinBalancer } from './round-robin.balancer';

export const BALANCER_KINDS = ['round-robin', 'p2c', 'consistent-hash'] as const;
export type BalancerKind = (typeof BALANCER_KINDS)[number];

/** A fresh balancer by name, as config chooses it; one per upstream, never shared. */
export function createBalancer(kind: BalancerKind, random?: RandomSource): Balancer {
  switch (kind) {
    case 'round-robin':
      return new RoundRobinBalancer();
    case 'p2c':
      return new P2cBalancer(random);
    case 'consistent-hash':
      return new ConsistentHashBalancer({ random });
  }
}
