import { GrpcCallError, GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { waitUntil } from '@junction/test-support';
import { catalogV1 } from '@junction/contracts';
import { getProduct, policyWith, upstreamError } from '../testing/calls.fixture';
import { clientPolicySchema } from '../policy/client-policy.schema';
import { breakerForceSchema, type BreakerForce } from './breaker-force.schema';
import { circuitBreakers, type CircuitBreakers } from './circuit-breaker.middleware';

const BREAKER = { minimumVolume: 4, errorThresholdPercent: 50, resetTimeoutMs: 100 };

describe('circuit breaker', () => {
  let breakers: CircuitBreakers;
  afterEach(() => breakers.close());

  const withOutcome = (outcome: (call: UnaryCall) => Promise<unknown>) => {
    const next = jest.fn(outcome);
    const events = { breakerStateChanged: jest.fn(), rejected: jest.fn() };
    breakers = circuitBreakers(policyWith({ breaker: BREAKER }), events);
    return { next, events, handler: breakers.middleware(next) };
  };
  const settle = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

  it('opens after failures pass the threshold, then rejects without calling', async () => {
    const { next, events, handler } = withOutcome(() =>
      Promise.reject(upstreamError(GrpcStatus.UNAVAILABLE)),
    );
    for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
    expect(breakers.states()).toEqual({ GetProduct: 'open' });
    expect(events.breakerStateChanged).toHaveBeenCalledWith('catalog', 'GetProduct', 'open');

    const rejected = await settle(handler(getProduct()));
    expect(rejected).toBeInstanceOf(GrpcCallError);
    expect(rejected).toMatchObject({
      code: GrpcStatus.UNAVAILABLE,
      reason: 'CIRCUIT_OPEN',
      local: true,
    });
    expect(next).toHaveBeenCalledTimes(4);
    expect(events.rejected).toHaveBeenCalledWith(expect.anything(), 'breaker-open');
  });

  it('stays closed below the minimum volume', async () => {
    const { handler } = withOutcome(() => Promise.reject(upstreamError(GrpcStatus.UNAVAILABLE)));
    for (let i = 0; i < 3; i++) await settle(handler(getProduct()));
    expect(breakers.states()).toEqual({ GetProduct: 'closed' });
  });

  it.each([
    ['NOT_FOUND', upstreamError(GrpcStatus.NOT_FOUND)],
    ['INVALID_ARGUMENT', upstreamError(GrpcStatus.INVALID_ARGUMENT)],
    ['FAILED_PRECONDITION', upstreamError(GrpcStatus.FAILED_PRECONDITION)],
    ['ALREADY_EXISTS', upstreamError(GrpcStatus.ALREADY_EXISTS)],
    [
      'a local rejection (shed)',
      GrpcCallError.local(GrpcStatus.UNAVAILABLE, 'shed', getProduct(), 'BULKHEAD_FULL'),
    ],
  ])('does not count %s as a failure', async (_, error) => {
    const { handler } = withOutcome(() => Promise.reject(error));
    for (let i = 0; i < 6; i++) await expect(handler(getProduct())).rejects.toBe(error);
    expect(breakers.states()).toEqual({ GetProduct: 'closed' });
  });

  it.each([
    GrpcStatus.UNAVAILABLE,
    GrpcStatus.DEADLINE_EXCEEDED,
    GrpcStatus.INTERNAL,
    GrpcStatus.UNKNOWN,
    GrpcStatus.RESOURCE_EXHAUSTED,
  ])('counts code %s as a failure', async (code) => {
    const { handler } = withOutcome(() => Promise.reject(upstreamError(code)));
    for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
    expect(breakers.states()).toEqual({ GetProduct: 'open' });
  });

  it('half-opens after the reset timeout and closes on a successful probe', async () => {
    let healthy = false;
    const { events, handler } = withOutcome(async () => {
      if (!healthy) throw upstreamError(GrpcStatus.UNAVAILABLE);
      return 'ok';
    });
    for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
    healthy = true;
    await waitUntil(() => breakers.states().GetProduct === 'half-open', { timeoutMs: 2_000 });
    await expect(handler(getProduct())).resolves.toBe('ok');
    expect(breakers.states()).toEqual({ GetProduct: 'closed' });
    expect(events.breakerStateChanged.mock.calls.map((c) => c[2])).toEqual([
      'open',
      'half-open',
      'closed',
    ]);
  });

  it('keeps one breaker per method', async () => {
    const { handler } = withOutcome(async (call) => {
      if (call.method.name === 'GetProduct') throw upstreamError(GrpcStatus.UNAVAILABLE);
      return 'ok';
    });
    const list = (): UnaryCall =>
      getProduct({
        method: catalogV1.CatalogServiceDefinition.methods.listProducts,
        path: '/catalog.v1.CatalogService/ListProducts',
      });
    for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
    await expect(handler(list())).resolves.toBe('ok');
    expect(breakers.states()).toEqual({ GetProduct: 'open', ListProducts: 'closed' });
  });

  it('starts afresh when live config changes its options, and reports it closed', async () => {
    let policy = clientPolicySchema.parse({ breaker: BREAKER });
    const events = { breakerStateChanged: jest.fn() };
    breakers = circuitBreakers(() => policy, events);
    const handler = breakers.middleware(() => Promise.reject(upstreamError(GrpcStatus.INTERNAL)));
    for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
    expect(breakers.states()).toEqual({ GetProduct: 'open' });
    policy = clientPolicySchema.parse({ breaker: { ...BREAKER, minimumVolume: 100 } });
    await settle(handler(getProduct()));
    expect(breakers.states()).toEqual({ GetProduct: 'closed' });
    expect(events.breakerStateChanged.mock.calls.map((c) => c[2])).toEqual(['open', 'closed']);
  });

  describe('forced by ops', () => {
    let force: BreakerForce | undefined;
    const forced = (outcome: (call: UnaryCall) => Promise<unknown>) => {
      const next = jest.fn(outcome);
      const events = { breakerStateChanged: jest.fn(), rejected: jest.fn() };
      breakers = circuitBreakers(policyWith({ breaker: BREAKER }), events, () => force);
      return { next, events, handler: breakers.middleware(next) };
    };
    beforeEach(() => (force = undefined));

    it('a forced-open breaker refuses without calling next, as an open breaker does', async () => {
      force = breakerForceSchema.parse({ state: 'open' });
      const { next, events, handler } = forced(async () => 'ok');
      const rejected = await settle(handler(getProduct()));
      expect(rejected).toBeInstanceOf(GrpcCallError);
      expect(rejected).toMatchObject({
        code: GrpcStatus.UNAVAILABLE,
        reason: 'CIRCUIT_OPEN',
        local: true,
        retryAfterMs: BREAKER.resetTimeoutMs,
      });
      expect(next).not.toHaveBeenCalled();
      expect(events.rejected).toHaveBeenCalledWith(expect.anything(), 'breaker-open');
      // Opossum's own state is untouched: back on auto, calls flow again.
      force = undefined;
      await expect(handler(getProduct())).resolves.toBe('ok');
      expect(next).toHaveBeenCalledTimes(1);
    });

    it("a method's own entry wins over the upstream's state", async () => {
      force = breakerForceSchema.parse({ state: 'open', methods: { ListProducts: 'closed' } });
      const { next, handler } = forced(async () => 'ok');
      const list = getProduct({
        method: catalogV1.CatalogServiceDefinition.methods.listProducts,
        path: '/catalog.v1.CatalogService/ListProducts',
      });
      await expect(handler(list)).resolves.toBe('ok');
      await expect(handler(getProduct())).rejects.toMatchObject({ reason: 'CIRCUIT_OPEN' });
      expect(next).toHaveBeenCalledTimes(1);
    });

    it('a forced-closed breaker never opens, however many calls fail', async () => {
      force = breakerForceSchema.parse({ methods: { GetProduct: 'closed' } });
      const failure = upstreamError(GrpcStatus.UNAVAILABLE);
      const { next, events, handler } = forced(() => Promise.reject(failure));
      for (let i = 0; i < 10; i++) await expect(handler(getProduct())).rejects.toBe(failure);
      expect(next).toHaveBeenCalledTimes(10);
      expect(events.breakerStateChanged).not.toHaveBeenCalled();
      expect(events.rejected).not.toHaveBeenCalled();
    });

    it('a forced-closed breaker lets calls through even while its own state is open', async () => {
      let healthy = false;
      const { next, handler } = forced(async () => {
        if (!healthy) throw upstreamError(GrpcStatus.UNAVAILABLE);
        return 'ok';
      });
      for (let i = 0; i < 4; i++) await settle(handler(getProduct()));
      expect(breakers.states()).toEqual({ GetProduct: 'open' });
      healthy = true;
      force = breakerForceSchema.parse({ state: 'closed' });
      await expect(handler(getProduct())).resolves.toBe('ok');
      expect(next).toHaveBeenCalledTimes(5);
    });
  });
});
