import type { Balancer } from './balancer.port';
import { RoundRobinBalancer } from './round-robin.balancer';

const instances = ['a', 'b', 'c'].map((id) => ({ id, address: `${id}:1` }));

describe('RoundRobinBalancer', () => {
  it('cycles through every instance in order', () => {
    const balancer = new RoundRobinBalancer();
    const picked = Array.from({ length: 6 }, () => balancer.pick(instances)?.id);
    expect(picked).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('ignores a routing key', () => {
    const balancer: Balancer = new RoundRobinBalancer();
    const picked = [balancer.pick(instances, 'k')?.id, balancer.pick(instances, 'k')?.id];
    expect(picked).toEqual(['a', 'b']);
  });

  it('returns undefined when there is no instance', () => {
    expect(new RoundRobinBalancer().pick([])).toBeUndefined();
  });

  it('keeps spreading when the list shrinks', () => {
    const balancer = new RoundRobinBalancer();
    balancer.pick(instances);
    balancer.pick(instances);
    const two = instances.slice(0, 2);
    const picked = [balancer.pick(two)?.id, balancer.pick(two)?.id];
    expect(new Set(picked)).toEqual(new Set(['a', 'b']));
  });
});
