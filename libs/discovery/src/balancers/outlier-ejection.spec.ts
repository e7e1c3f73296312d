import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer } from './balancer.port';
import { OutlierEjection } from './outlier-ejection';
import type { OutlierEjectionOptions } from './outlier-ejection.options';
import { RoundRobinBalancer } from './round-robin.balancer';

const instance = (id: string): ServiceInstance => ({ id, address: `${id}:1` });
const [a, b, c] = ['a', 'b', 'c'].map(instance);
const all = [a, b, c];
const T0 = 1_000_000;

function setup(initial: OutlierEjectionOptions = {}) {
  const clock = { now: T0 };
  const options: { current: OutlierEjectionOptions } = { current: initial };
  const balancer = new OutlierEjection(new RoundRobinBalancer(), {
    options: () => options.current,
    now: () => clock.now,
  });
  const picks = (list: readonly ServiceInstance[] = all, n = 6) =>
    new Set(Array.from({ length: n }, () => balancer.pick(list)?.id));
  /** As the invoker does: pick from the list, then report how the call ended. */
  const fail = (target: ServiceInstance, times = 5, list: readonly ServiceInstance[] = all) => {
    for (let i = 0; i < times; i++) {
      balancer.pick(list);
      balancer.onEnd(target, 'failed');
    }
  };
  const heldUntil = (target: ServiceInstance) =>
    balancer.state().find((hold) => hold.instanceId === target.id)?.untilMs;
  return { clock, options, balancer, picks, fail, heldUntil };
}

describe('OutlierEjection', () => {
  describe('unreachable instances', () => {
    it('skips an instance from the pick after a call could not reach it', () => {
      const { balancer, picks } = setup();
      balancer.onEnd(b, 'unreachable');
      expect(picks()).toEqual(new Set(['a', 'c']));
    });

    it('uses every instance when all are ejected rather than failing', () => {
      const { balancer, picks } = setup();
      for (const each of all) balancer.onEnd(each, 'unreachable');
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('takes an instance back once a call to it succeeds', () => {
      const { balancer, picks } = setup();
      for (const each of all) balancer.onEnd(each, 'unreachable');
      balancer.onEnd(b, 'ok');
      expect(picks()).toEqual(new Set(['b']));
    });

    it('keeps an instance ejected for failures when a call still in flight succeeds', () => {
      const { balancer, fail, picks } = setup();
      fail(b, 5);
      balancer.onEnd(b, 'ok');
      expect(picks()).toEqual(new Set(['a', 'c']));
    });

    it('stays ejected while the registry keeps listing it, within the time limit', () => {
      const { clock, balancer, picks } = setup();
      balancer.onEnd(b, 'unreachable');
      clock.now += 29_999;
      expect(picks()).toEqual(new Set(['a', 'c']));
    });

    it('returns once the registry dropped it and lists it again', () => {
      const { clock, balancer, picks } = setup();
      balancer.onEnd(b, 'unreachable');
      clock.now += 1_000;
      expect(picks([a, c])).toEqual(new Set(['a', 'c']));
      expect(balancer.state()).toEqual([
        { instanceId: 'b', reason: 'unreachable', untilMs: T0 + 30_000 },
      ]);
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
      expect(balancer.state()).toEqual([]);
    });

    it("passes over instances a retry already tried, while seeing the registry's full list", () => {
      const { balancer } = setup();
      balancer.onEnd(b, 'unreachable');
      const picked = new Set(
        Array.from({ length: 6 }, () => balancer.pick(all, undefined, new Set(['a']))?.id),
      );
      expect(picked).toEqual(new Set(['c']));
      // b was listed all along: a retry is no sign the registry dropped it.
      expect(balancer.state().map((hold) => hold.instanceId)).toEqual(['b']);
    });

    it('goes back to a tried instance when no other is left', () => {
      const { balancer } = setup();
      expect(balancer.pick([a], undefined, new Set(['a']))?.id).toBe('a');
    });

    it('returns after the time limit even if the registry never dropped it', () => {
      const { clock, balancer, picks } = setup({ maxEjectionMs: 5_000 });
      balancer.onEnd(b, 'unreachable');
      clock.now += 5_000;
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });
  });

  describe('failing instances', () => {
    it('keeps an instance with fewer consecutive failures than the threshold', () => {
      const { fail, picks } = setup();
      fail(b, 4);
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('ejects an instance after consecutive failures, for the base period', () => {
      const { clock, fail, picks, heldUntil } = setup();
      fail(b, 5);
      expect(heldUntil(b)).toBe(T0 + 1_000);
      expect(picks()).toEqual(new Set(['a', 'c']));
      clock.now += 1_000;
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('starts counting again after a successful answer', () => {
      const { balancer, fail, picks } = setup();
      fail(b, 4);
      balancer.onEnd(b, 'ok');
      fail(b, 4);
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('ejects for longer each time an instance is ejected again soon', () => {
      const { clock, fail, heldUntil } = setup();
      const periods = [];
      for (let i = 0; i < 3; i++) {
        fail(b, 5);
        const until = heldUntil(b) as number;
        periods.push(until - clock.now);
        clock.now = until;
      }
      expect(periods).toEqual([1_000, 2_000, 3_000]);
    });

    it('never ejects for longer than maxEjectionMs', () => {
      const { clock, fail, heldUntil } = setup({ baseEjectionMs: 4_000, maxEjectionMs: 10_000 });
      const periods = [];
      for (let i = 0; i < 4; i++) {
        fail(b, 5);
        const until = heldUntil(b) as number;
        periods.push(until - clock.now);
        clock.now = until;
      }
      expect(periods).toEqual([4_000, 8_000, 10_000, 10_000]);
    });

    it('trusts again, one step per quiet period, an instance that stopped failing', () => {
      const { clock, fail, heldUntil } = setup();
      for (let i = 0; i < 3; i++) {
        fail(b, 5);
        clock.now = heldUntil(b) as number;
      }
      // k is 3: quiet for 3 s takes it to 2, 2 s more to 1; the next ejection is k = 2.
      clock.now += 5_000;
      fail(b, 5);
      expect((heldUntil(b) as number) - clock.now).toBe(2_000);
    });

    it('ejects only one of two instances, however both fail', () => {
      const { fail, balancer, picks } = setup();
      fail(a, 5, [a, b]);
      fail(b, 5, [a, b]);
      expect(balancer.state().map((hold) => hold.instanceId)).toEqual(['a']);
      expect(picks([a, b])).toEqual(new Set(['b']));
    });

    it('ejects at most maxEjectionPercent of the listed instances for failures', () => {
      const ten = Array.from({ length: 10 }, (_, i) => instance(`i${i}`));
      const { fail, balancer, picks } = setup();
      for (const each of ten) fail(each, 5, ten);
      expect(balancer.state()).toHaveLength(5);
      expect(picks(ten, 10).size).toBe(5);
    });

    it('counts an instance it could not reach against the floor', () => {
      const { balancer, fail } = setup();
      balancer.onEnd(a, 'unreachable');
      fail(b, 5, [a, b]);
      expect(balancer.state().map((hold) => hold.instanceId)).toEqual(['a']);
    });
  });

  describe('pushback', () => {
    it('pauses an instance for as long as it asked, whatever the floor', () => {
      const { clock, balancer, picks } = setup();
      balancer.pick([a, b]);
      balancer.onEnd(a, 'failed', 1_500);
      expect(balancer.state()).toEqual([
        { instanceId: 'a', reason: 'pushback', untilMs: T0 + 1_500 },
      ]);
      expect(picks([a, b])).toEqual(new Set(['b']));
      clock.now += 1_500;
      expect(picks([a, b])).toEqual(new Set(['a', 'b']));
    });

    it('picks nothing while every instance asked callers to back off', () => {
      const { clock, balancer } = setup();
      for (const each of all) balancer.onEnd(each, 'failed', 2_000);
      expect(balancer.pick(all)).toBeUndefined();
      clock.now += 2_000;
      expect(balancer.pick(all)).toBeDefined();
    });

    it('caps a pause at maxEjectionMs', () => {
      const { balancer, heldUntil } = setup({ maxEjectionMs: 10_000 });
      balancer.onEnd(a, 'failed', 3_600_000);
      expect(heldUntil(a)).toBe(T0 + 10_000);
    });

    it('does not count a pause as an ejection for the floor', () => {
      const { balancer, fail } = setup();
      balancer.onEnd(a, 'failed', 5_000);
      fail(b, 5, [a, b]);
      expect(balancer.state().map((hold) => hold.reason)).toEqual(['failures', 'pushback']);
    });
  });

  describe('live options', () => {
    it('applies a changed threshold, floor and time limit to the next decision', () => {
      const { clock, options, balancer, fail, picks } = setup();
      balancer.onEnd(c, 'unreachable');
      options.current = { consecutiveFailures: 2, maxEjectionMs: 2_000, maxEjectionPercent: 100 };
      fail(b, 2);
      expect(picks()).toEqual(new Set(['a']));
      clock.now += 2_000;
      expect(picks()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('reports every ejection and pause to onEject', () => {
      const onEject = jest.fn();
      const { balancer, fail } = setup({ onEject });
      fail(b, 5);
      balancer.onEnd(a, 'unreachable');
      balancer.onEnd(c, 'failed', 700);
      expect(onEject.mock.calls).toEqual([
        ['b', 'failures', T0 + 1_000],
        ['a', 'unreachable', T0 + 30_000],
        ['c', 'pushback', T0 + 700],
      ]);
    });
  });

  it('passes keys and call hooks through to the balancer it wraps', () => {
    const inner: Required<Balancer> = {
      pick: jest.fn((list: readonly ServiceInstance[]) => list[0]),
      onStart: jest.fn(),
      onEnd: jest.fn(),
    };
    const balancer = new OutlierEjection(inner);
    balancer.pick(all, 'key-1');
    balancer.onStart(a);
    balancer.onEnd(a, 'failed', 100);
    expect(inner.pick).toHaveBeenCalledWith(all, 'key-1');
    expect(inner.onStart).toHaveBeenCalledWith(a);
    expect(inner.onEnd).toHaveBeenCalledWith(a, 'failed', 100);
  });
});
