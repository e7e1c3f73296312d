import type { ServiceInstance } from '../service-resolver.port';
import { P2cBalancer } from './p2c.balancer';

const instances: ServiceInstance[] = ['a', 'b', 'c'].map((id) => ({ id, address: `${id}:1` }));
const [a, b] = instances;

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the given numbers in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

describe('P2cBalancer', () => {
  it('prefers the less loaded of the two it draws, whichever is drawn first', () => {
    const pair = [a, b];
    for (const draws of [
      [0, 0],
      [0.9, 0],
    ]) {
      const balancer = new P2cBalancer(sequence(...draws));
      balancer.onStart(a);
      balancer.onStart(a);
      expect(balancer.pick(pair)?.id).toBe('b');
    }
  });

  it('always draws two distinct instances, so the idle one of two always wins', () => {
    const balancer = new P2cBalancer(seeded(1));
    balancer.onStart(a);
    const picked = Array.from({ length: 100 }, () => balancer.pick([a, b])?.id);
    expect(new Set(picked)).toEqual(new Set(['b']));
  });

  it('spreads evenly across instances when they are equally loaded', () => {
    const balancer = new P2cBalancer(seeded(42));
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const picked = balancer.pick(instances) as ServiceInstance;
      counts.set(picked.id, (counts.get(picked.id) ?? 0) + 1);
    }
    for (const { id } of instances) expect(counts.get(id)).toBeGreaterThan(9_500);
    for (const { id } of instances) expect(counts.get(id)).toBeLessThan(10_500);
  });

  it('keeps outstanding calls level while they pile up', () => {
    const balancer = new P2cBalancer(seeded(7));
    const load = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const picked = balancer.pick(instances) as ServiceInstance;
      balancer.onStart(picked);
      load.set(picked.id, (load.get(picked.id) ?? 0) + 1);
    }
    const loads = [...load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(3);
  });

  it('forgets calls once they end', () => {
    const balancer = new P2cBalancer(sequence(0, 0));
    balancer.onStart(a);
    balancer.onEnd(a);
    expect(balancer.pick([a, b])?.id).toBe('a');
  });

  it('returns the only instance, or undefined when there is none', () => {
    const balancer = new P2cBalancer(seeded(3));
    expect(balancer.pick([a])).toBe(a);
    expect(balancer.pick([])).toBeUndefined();
  });
});
