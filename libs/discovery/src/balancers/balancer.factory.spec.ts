import { BALANCER_KINDS, createBalancer } from './balancer.factory';
import { ConsistentHashBalancer } from './consistent-hash.balancer';
import { P2cBalancer } from './p2c.balancer';
import { RoundRobinBalancer } from './round-robin.balancer';

describe('createBalancer', () => {
  it.each([
    ['round-robin', RoundRobinBalancer],
    ['p2c', P2cBalancer],
    ['consistent-hash', ConsistentHashBalancer],
  ] as const)('makes a %s balancer', (kind, type) => {
    expect(createBalancer(kind)).toBeInstanceOf(type);
  });

  it('makes a fresh balancer on every call, so upstreams never share state', () => {
    for (const kind of BALANCER_KINDS) expect(createBalancer(kind)).not.toBe(createBalancer(kind));
  });
});
