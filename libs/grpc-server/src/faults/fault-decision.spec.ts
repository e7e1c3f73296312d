import { Status } from '../status.error';
import { faultConfigSchema } from './fault-config.schema';
import { decideFault, INJECTED_FAULT, type RandomSource } from './fault-decision';

/** Plays the given draws in a loop. */
const scripted = (...draws: number[]): RandomSource => {
  let i = 0;
  return () => draws[i++ % draws.length]!;
};
const config = (value: object) => faultConfigSchema.parse(value);
const getProduct = { method: 'GetProduct', instanceId: 'catalog-a' };

describe('decideFault', () => {
  it('leaves calls alone when nothing is configured', () => {
    expect(decideFault(config({}), getProduct, scripted(0))).toBeUndefined();
  });

  it('fails the share of calls given by errorRate', () => {
    // 1000 evenly spread draws: exactly the calls drawing below the rate fail.
    const draws = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const random = scripted(...draws);
    const faults = config({ errorRate: 0.25 });
    const failed = draws.filter(() => decideFault(faults, getProduct, random)?.error).length;
    expect(failed).toBe(250);
  });

  it('answers the configured code with reason INJECTED_FAULT', () => {
    const error = decideFault(
      config({ errorRate: 1, errorCode: 'DEADLINE_EXCEEDED' }),
      getProduct,
      scripted(0.99),
    )?.error;
    expect(error).toMatchObject({ code: Status.DEADLINE_EXCEEDED, reason: INJECTED_FAULT });
    expect(error?.retryAfterMs).toBeUndefined();
  });

  it('carries the pushback on injected RESOURCE_EXHAUSTED', () => {
    const decision = decideFault(
      config({ errorRate: 1, errorCode: 'RESOURCE_EXHAUSTED', pushbackMs: 750 }),
      getProduct,
      scripted(0),
    );
    expect(decision?.error).toMatchObject({ code: Status.RESOURCE_EXHAUSTED, retryAfterMs: 750 });
  });

  it('delays by the latency plus a share of the jitter', () => {
    const faults = config({ latencyMs: 100, latencyJitterMs: 50 });
    expect(decideFault(faults, getProduct, scripted(0))).toEqual({ delayMs: 100 });
    expect(decideFault(faults, getProduct, scripted(0.5))).toEqual({ delayMs: 125 });
  });

  it('can delay and then fail the same call', () => {
    const decision = decideFault(config({ latencyMs: 100, errorRate: 1 }), getProduct, scripted(0));
    expect(decision).toMatchObject({ delayMs: 100, error: { code: Status.UNAVAILABLE } });
  });

  it('spares the methods not listed', () => {
    const faults = config({ errorRate: 1, methods: ['ListProducts'] });
    expect(decideFault(faults, getProduct, scripted(0))).toBeUndefined();
    expect(
      decideFault(faults, { ...getProduct, method: 'ListProducts' }, scripted(0)),
    ).toBeDefined();
  });

  it('spares the instances not listed, and instances without a registry id', () => {
    const faults = config({ errorRate: 1, instances: ['catalog-b'] });
    expect(decideFault(faults, getProduct, scripted(0))).toBeUndefined();
    expect(decideFault(faults, { method: 'GetProduct' }, scripted(0))).toBeUndefined();
    expect(
      decideFault(faults, { ...getProduct, instanceId: 'catalog-b' }, scripted(0)),
    ).toBeDefined();
  });
});
