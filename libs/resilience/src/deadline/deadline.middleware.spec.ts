import { context } from '@opentelemetry/api';
import { GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { getProduct, policyWith, useAsyncContext } from '../testing/calls.fixture';
import { withDeadline } from './deadline-budget';
import { deadline } from './deadline.middleware';

describe('deadline middleware', () => {
  useAsyncContext();
  const seen: UnaryCall[] = [];
  const record = async (call: UnaryCall) => void seen.push(call);
  beforeEach(() => (seen.length = 0));

  it("gives an attempt the method's timeout from now", async () => {
    const before = Date.now();
    await deadline(policyWith({ timeoutMs: 300 }))(record)(
      getProduct({ deadline: before + 5_000 }),
    );
    expect(seen[0].deadline).toBeGreaterThanOrEqual(before + 300);
    expect(seen[0].deadline).toBeLessThanOrEqual(Date.now() + 300);
  });

  it('uses a per-method timeout over the upstream default', async () => {
    const policy = policyWith({ timeoutMs: 5_000, methodTimeoutsMs: { GetProduct: 100 } });
    await deadline(policy)(record)(getProduct());
    expect(seen[0].deadline).toBeLessThanOrEqual(Date.now() + 100);
  });

  it("caps the attempt by the request's remaining budget", async () => {
    const budget = Date.now() + 150;
    await context.with(withDeadline(context.active(), budget), () =>
      deadline(policyWith({ timeoutMs: 2_000 }))(record)(getProduct()),
    );
    expect(seen[0].deadline).toBe(budget);
  });

  it('keeps an inner budget that is earlier than the outer one', async () => {
    const outer = withDeadline(context.active(), Date.now() + 1_000);
    const inner = Date.now() + 100;
    await context.with(withDeadline(outer, inner), () =>
      deadline(policyWith())(record)(getProduct()),
    );
    expect(seen[0].deadline).toBe(inner);
  });

  it('starts no call once the budget is spent, and says why', async () => {
    const events = { rejected: jest.fn() };
    const next = jest.fn();
    const spent = withDeadline(context.active(), Date.now() - 1);
    await expect(
      context.with(spent, () => deadline(policyWith(), events)(next)(getProduct())),
    ).rejects.toMatchObject({
      code: GrpcStatus.DEADLINE_EXCEEDED,
      reason: 'BUDGET_SPENT',
      local: true,
    });
    expect(next).not.toHaveBeenCalled();
    expect(events.rejected).toHaveBeenCalledWith(expect.anything(), 'budget-spent');
  });
});
