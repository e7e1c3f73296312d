import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer } from './balancer.port';
import { PassiveEjection } from './passive-ejection';
import { RoundRobinBalancer } from './round-robin.balancer';

const [a, b, c] = ['a', 'b', 'c'].map((id): ServiceInstance => ({ id, address: `${id}:1` }));
const all = [a, b, c];

function setup(maxEjectionMs = 30_000) {
  const clock = { now: 1_000_000 };
  const balancer = new PassiveEjection(new RoundRobinBalancer(), {
    maxEjectionMs,
    now: () => clock.now,
  });
  const picks = (list: readonly ServiceInstance[], n = 6) =>
    new Set(Array.from({ length: n }, () => balancer.pick(list)?.id));
  return { clock, balancer, picks };
}

describe('PassiveEjection', () => {
  it('skips an instance from the pick after a call could not reach it', () => {
    const { balancer, picks } = setup();
    balancer.onEnd(b, 'unreachable');
    expect(picks(all)).toEqual(new Set(['a', 'c']));
  });

  it('keeps an instance that answered with an error', () => {
    const { balancer, picks } = setup();
    balancer.onEnd(b, 'failed');
    expect(picks(all)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('uses every instance when all are ejected rather than failing', () => {
    const { balancer, picks } = setup();
    for (const instance of all) balancer.onEnd(instance, 'unreachable');
    expect(picks(all)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('stays ejected while the registry keeps listing it, within the time limit', () => {
    const { clock, balancer, picks } = setup();
    balancer.onEnd(b, 'unreachable');
    clock.now += 29_999;
    expect(picks(all)).toEqual(new Set(['a', 'c']));
  });

  it('returns once the registry dropped it and lists it again', () => {
    const { balancer, picks } = setup();
    balancer.onEnd(b, 'unreachable');
    expect(picks([a, c])).toEqual(new Set(['a', 'c']));
    expect(balancer.isEjected(b)).toBe(true);
    expect(picks(all)).toEqual(new Set(['a', 'b', 'c']));
    expect(balancer.isEjected(b)).toBe(false);
  });

  it('returns after the time limit even if the registry never dropped it', () => {
    const { clock, balancer, picks } = setup(5_000);
    balancer.onEnd(b, 'unreachable');
    clock.now += 5_000;
    expect(picks(all)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('passes keys and call hooks through to the balancer it wraps', () => {
    const inner: Required<Balancer> = {
      pick: jest.fn((list: readonly ServiceInstance[]) => list[0]),
      onStart: jest.fn(),
      onEnd: jest.fn(),
    };
    const balancer = new PassiveEjection(inner);
    balancer.pick(all, 'key-1');
    balancer.onStart(a);
    balancer.onEnd(a, 'unreachable');
    expect(inner.pick).toHaveBeenCalledWith(all, 'key-1');
    expect(inner.onStart).toHaveBeenCalledWith(a);
    expect(inner.onEnd).toHaveBeenCalledWith(a, 'unreachable');
  });
});
