import type { ServiceInstance } from '../service-resolver.port';
import { ConsistentHashBalancer } from './consistent-hash.balancer';

const instance = (id: string): ServiceInstance => ({ id, address: `${id}:1` });
const three = ['a', 'b', 'c'].map(instance);
const keys = Array.from({ length: 3000 }, (_, i) => String(i + 1));

const owners = (balancer: ConsistentHashBalancer, list: readonly ServiceInstance[]) =>
  new Map(keys.map((key) => [key, balancer.pick(list, key)?.id]));

describe('ConsistentHashBalancer', () => {
  it('maps a key to the same instance every time, whatever the list order', () => {
    const balancer = new ConsistentHashBalancer();
    const first = balancer.pick(three, '42');
    for (let i = 0; i < 10; i++) expect(balancer.pick(three, '42')).toBe(first);
    expect(new ConsistentHashBalancer().pick([...three].reverse(), '42')?.id).toBe(first?.id);
  });

  it('spreads keys across all instances', () => {
    const counts = new Map<string, number>();
    for (const id of owners(new ConsistentHashBalancer(), three).values())
      counts.set(id as string, (counts.get(id as string) ?? 0) + 1);
    for (const { id } of three) {
      expect(counts.get(id)).toBeGreaterThan(keys.length * 0.25);
      expect(counts.get(id)).toBeLessThan(keys.length * 0.42);
    }
  });

  it('moves only about a quarter of the keys, all to the newcomer, when a fourth instance joins', () => {
    const balancer = new ConsistentHashBalancer();
    const before = owners(balancer, three);
    const after = owners(balancer, [...three, instance('d')]);
    const moved = keys.filter((key) => before.get(key) !== after.get(key));
    expect(moved.length / keys.length).toBeGreaterThan(0.15);
    expect(moved.length / keys.length).toBeLessThan(0.35);
    expect(new Set(moved.map((key) => after.get(key)))).toEqual(new Set(['d']));
  });

  it('moves only the keys of an instance that leaves', () => {
    const four = [...three, instance('d')];
    const balancer = new ConsistentHashBalancer();
    const before = owners(balancer, four);
    const after = owners(balancer, three);
    for (const key of keys) {
      if (before.get(key) !== 'd') expect(after.get(key)).toBe(before.get(key));
    }
  });

  it('balances by load when a call has no key', () => {
    const balancer = new ConsistentHashBalancer({ random: () => 0 });
    const [a, b] = three;
    balancer.onStart(a);
    expect(balancer.pick([a, b])).toBe(b);
    balancer.onEnd(a);
    expect(balancer.pick([a, b])).toBe(a);
  });

  it('returns the only instance, or undefined when there is none', () => {
    const balancer = new ConsistentHashBalancer();
    expect(balancer.pick([three[0]], 'k')).toBe(three[0]);
    expect(balancer.pick([], 'k')).toBeUndefined();
  });
});
