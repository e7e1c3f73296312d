import { context } from '@opentelemetry/api';
import { GrpcCallError, GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { withDeadline } from '../deadline/deadline-budget';
import {
  createOrder,
  getProduct,
  policyWith,
  upstreamError,
  useAsyncContext,
} from '../testing/calls.fixture';
import { retry } from './retry.middleware';

/** A fake invoker over instances a, b, c: fails on those in `failing`. */
function instances(failing: ReadonlySet<string>, code = GrpcStatus.UNAVAILABLE) {
  const picked: string[] = [];
  const next = async (call: UnaryCall) => {
    const instance = ['a', 'b', 'c'].find((id) => !call.tried?.has(id)) ?? 'a';
    call.tried?.add(instance);
    picked.push(instance);
    if (failing.has(instance)) throw upstreamError(code);
    return `from ${instance}`;
  };
  return { next, picked };
}

const noWait = { random: () => 0 };

describe('retry', () => {
  useAsyncContext();

  it('retries a NO_SIDE_EFFECTS call on another instance', async () => {
    const { next, picked } = instances(new Set(['a']));
    const events = { retried: jest.fn() };
    const handler = retry(policyWith(), { ...noWait, events })(next);
    await expect(handler(getProduct())).resolves.toBe('from b');
    expect(picked).toEqual(['a', 'b']);
    expect(events.retried).toHaveBeenCalledWith(expect.anything(), 2, expect.any(GrpcCallError));
  });

  it('gives up after maxAttempts and rejects with the last failure', async () => {
    const { next, picked } = instances(new Set(['a', 'b', 'c']));
    const handler = retry(policyWith({ retry: { maxAttempts: 3 } }), noWait)(next);
    await expect(handler(getProduct())).rejects.toMatchObject({ code: GrpcStatus.UNAVAILABLE });
    expect(picked).toEqual(['a', 'b', 'c']);
  });

  it('never repeats a method with side effects', async () => {
    const { next, picked } = instances(new Set(['a']));
    await expect(retry(policyWith(), noWait)(next)(createOrder())).rejects.toBeInstanceOf(
      GrpcCallError,
    );
    expect(picked).toEqual(['a']);
  });

  it('repeats a method the policy names as idempotent by key (CreateOrder), keeping its affinity', async () => {
    let attempts = 0;
    const avoided: Array<Set<string> | undefined> = [];
    const handler = retry(
      policyWith({ retryAlso: ['CreateOrder'] }),
      noWait,
    )(async (call) => {
      avoided.push(call.tried);
      if ((attempts += 1) === 1) throw upstreamError(GrpcStatus.UNAVAILABLE);
      return 'created';
    });
    await expect(handler(createOrder({ routingKey: 'key-1' }))).resolves.toBe('created');
    // The key lives on the instance that served it: no move to another one.
    expect(avoided).toEqual([undefined, undefined]);
  });

  it.each([GrpcStatus.NOT_FOUND, GrpcStatus.INVALID_ARGUMENT, GrpcStatus.INTERNAL])(
    'does not retry code %s',
    async (code) => {
      const { next, picked } = instances(new Set(['a']), code);
      await expect(retry(policyWith(), noWait)(next)(getProduct())).rejects.toMatchObject({
        code,
      });
      expect(picked).toEqual(['a']);
    },
  );

  it('does not retry a rejection the client made itself (breaker open)', async () => {
    const open = GrpcCallError.local(GrpcStatus.UNAVAILABLE, 'open', getProduct(), 'CIRCUIT_OPEN');
    const next = jest.fn(() => Promise.reject(open));
    await expect(retry(policyWith(), noWait)(next)(getProduct())).rejects.toBe(open);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('does not retry when the backoff would outlast the request budget', async () => {
    const { next, picked } = instances(new Set(['a']));
    const handler = retry(policyWith({ retry: { initialBackoffMs: 1_000, maxBackoffMs: 1_000 } }), {
      random: () => 0.99,
    })(next);
    const budget = withDeadline(context.active(), Date.now() + 200);
    await expect(context.with(budget, () => handler(getProduct()))).rejects.toMatchObject({
      code: GrpcStatus.UNAVAILABLE,
    });
    expect(picked).toEqual(['a']);
  });

  it('keeps retries within the retry budget while an upstream is down', async () => {
    const { next, picked } = instances(new Set(['a', 'b', 'c']));
    const events = { retryBudgetExhausted: jest.fn() };
    const policy = policyWith({
      retry: { maxAttempts: 3, budgetPercent: 20, minRetriesPerWindow: 0, budgetWindowMs: 60_000 },
    });
    const handler = retry(policy, { ...noWait, events })(next);
    for (let i = 0; i < 100; i++) await handler(getProduct()).catch(() => undefined);
    const retries = picked.length - 100;
    expect(retries).toBeLessThanOrEqual(20);
    expect(retries).toBeGreaterThanOrEqual(19);
    expect(events.retryBudgetExhausted).toHaveBeenCalled();
  });

  it('gives every attempt a fresh call, so each gets its own deadline', async () => {
    const deadlines: number[] = [];
    const original = Date.now() + 2_000;
    const handler = retry(
      policyWith(),
      noWait,
    )(async (call) => {
      deadlines.push(call.deadline);
      call.deadline = 0; // what the deadline middleware below would do
      if (deadlines.length === 1) throw upstreamError(GrpcStatus.UNAVAILABLE);
      return 'ok';
    });
    await handler(getProduct({ deadline: original }));
    expect(deadlines).toEqual([original, original]);
  });
});
