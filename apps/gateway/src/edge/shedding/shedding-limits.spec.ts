import { loadConfig } from '@junction/config';
import { z } from 'zod';
import { sheddingEnv } from './shedding.env';
import { sheddingLimits } from './shedding-limits';
import type { SheddingRuntime } from '@junction/runtime-schemas';

const env = loadConfig(z.object(sheddingEnv()), {});

describe('sheddingLimits', () => {
  it('has defaults far above a healthy gateway: 1000 in flight, 500 ms lag, Retry-After 1 s', () => {
    expect(sheddingLimits(env, { shedding: () => ({}) })()).toEqual({
      maxInFlight: 1000,
      maxEventLoopLagMs: 500,
      retryAfterS: 1,
    });
  });

  it('takes KV fields over the environment and follows a KV change', () => {
    let kv: SheddingRuntime = { maxInFlight: 10 };
    const limits = sheddingLimits(env, { shedding: () => kv });
    expect(limits()).toMatchObject({ maxInFlight: 10, maxEventLoopLagMs: 500 });
    kv = { retryAfterS: 5 };
    expect(limits()).toMatchObject({ maxInFlight: 1000, retryAfterS: 5 });
  });

  it('merges once per configuration, not once per request', () => {
    const kv: SheddingRuntime = {};
    const limits = sheddingLimits(env, { shedding: () => kv });
    expect(limits()).toBe(limits());
  });
});
