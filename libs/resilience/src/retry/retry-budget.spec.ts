import { clientPolicySchema } from '../policy/client-policy.schema';
import { RetryBudget } from './retry-budget';

describe('retry budget', () => {
  const { retry: policy } = clientPolicySchema.parse({
    retry: {
      budgetPercent: 20,
      minRetriesPerWindow: 2,
      budgetWindowMs: 10_000,
    },
  });

  it('allows the minimum plus the share of calls in the window', () => {
    const budget = new RetryBudget(
      () => policy,
      () => 0,
    );
    for (let i = 0; i < 10; i++) budget.recordCall();
    const granted = Array.from({ length: 10 }, () => budget.tryRetry()).filter(Boolean).length;
    expect(granted).toBe(2 + 2);
  });

  it('forgets calls and retries once they leave the window', () => {
    let now = 0;
    const budget = new RetryBudget(
      () => policy,
      () => now,
    );
    for (let i = 0; i < 10; i++) budget.recordCall();
    while (budget.tryRetry());
    expect(budget.tryRetry()).toBe(false);
    now = 10_001;
    expect(budget.tryRetry()).toBe(true);
  });

  it('lets part of the window slide out', () => {
    let now = 0;
    const budget = new RetryBudget(
      () => ({ ...policy, minRetriesPerWindow: 0 }),
      () => now,
    );
    for (let i = 0; i < 10; i++) budget.recordCall(); // allows 2
    now = 5_000;
    for (let i = 0; i < 10; i++) budget.recordCall(); // 20 calls: allows 4
    expect([1, 2, 3, 4, 5].map(() => budget.tryRetry())).toEqual([true, true, true, true, false]);
    now = 10_500; // the first 10 calls have left the window; 4 retries still in it
    expect(budget.tryRetry()).toBe(false);
  });
});
