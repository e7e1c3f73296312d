import {
  clientPolicyOverrideSchema,
  clientPolicySchema,
  defaultClientPolicy,
} from './client-policy.schema';
import { applyOverride, livePolicy } from './policy-override';

describe('client policy overrides', () => {
  const base = defaultClientPolicy();

  it('has the documented defaults', () => {
    expect(base).toMatchObject({
      timeoutMs: 2_000,
      breaker: { errorThresholdPercent: 50, minimumVolume: 10, resetTimeoutMs: 5_000 },
      retry: { maxAttempts: 3, budgetPercent: 20 },
      bulkhead: { maxConcurrent: 200 },
    });
  });

  it('merges sub-policies field by field', () => {
    const merged = applyOverride(base, { breaker: { resetTimeoutMs: 1_000 }, timeoutMs: 500 });
    expect(merged.breaker).toEqual({ ...base.breaker, resetTimeoutMs: 1_000 });
    expect(merged.timeoutMs).toBe(500);
    expect(merged.retry).toEqual(base.retry);
  });

  it('changes only the fields a config change names, over a base that is not the default', () => {
    const base = clientPolicySchema.parse({ breaker: { minimumVolume: 99 }, timeoutMs: 700 });
    const override = clientPolicyOverrideSchema.parse({ breaker: { resetTimeoutMs: 1_000 } });
    const merged = applyOverride(base, override);
    expect(merged.breaker).toEqual({ ...base.breaker, resetTimeoutMs: 1_000 });
    expect(merged.breaker.minimumVolume).toBe(99);
    expect(merged.timeoutMs).toBe(700);
  });

  it('keeps unchanged sub-policies identical across config changes', () => {
    let override = clientPolicyOverrideSchema.parse({ retry: { maxAttempts: 2 } });
    const policy = livePolicy(base, () => override);
    const first = policy();
    expect(policy()).toBe(first);
    override = clientPolicyOverrideSchema.parse({ retry: { maxAttempts: 1 } });
    const second = policy();
    expect(second.retry.maxAttempts).toBe(1);
    expect(second.breaker).toBe(first.breaker);
  });

  it.each([
    [{ breaker: { errorThresholdPercent: 0 } }],
    [{ retry: { maxAttempts: 9 } }],
    [{ bulkhead: { maxConcurent: 3 } }],
    [{ methodTimeoutsMs: { getProduct: 100 } }],
  ])('refuses %j', (json) => {
    expect(clientPolicyOverrideSchema.safeParse(json).success).toBe(false);
  });
});
