import { statusErrorOf } from '../testing';
import { fakeServerCall } from '../middleware/server-call.fixture';
import { Status } from '../status.error';
import { faultConfigSchema, type FaultConfig } from './fault-config.schema';
import { INJECTED_FAULT } from './fault-decision';
import { faultInjection } from './fault-injection.middleware';

describe('faultInjection', () => {
  let config: FaultConfig;
  const faults = {
    get current() {
      return config;
    },
    loaded: true,
    stop: async () => undefined,
  };
  const next = jest.fn(async () => 'answer');
  const inject = (instanceId?: string) =>
    faultInjection({ faults, instanceId, random: () => 0 })(next);
  beforeEach(() => {
    config = faultConfigSchema.parse({});
    next.mockClear();
  });

  it('runs the handler untouched while nothing is injected', async () => {
    expect(await inject()(fakeServerCall())).toBe('answer');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('answers the injected error, with its reason and pushback, instead of running the handler', async () => {
    config = faultConfigSchema.parse({
      errorRate: 1,
      errorCode: 'RESOURCE_EXHAUSTED',
      pushbackMs: 250,
    });
    const error = await statusErrorOf(inject()(fakeServerCall()));
    expect(error).toMatchObject({
      code: Status.RESOURCE_EXHAUSTED,
      reason: INJECTED_FAULT,
      retryAfterMs: 250,
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('holds the call for the latency, then runs the handler', async () => {
    config = faultConfigSchema.parse({ latencyMs: 50 });
    const started = Date.now();
    expect(await inject()(fakeServerCall())).toBe('answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('faults only the listed methods and instances', async () => {
    config = faultConfigSchema.parse({ errorRate: 1, methods: ['ListProducts'], instances: ['a'] });
    expect(await inject('a')(fakeServerCall({ method: 'GetProduct' }))).toBe('answer');
    expect(await inject('b')(fakeServerCall({ method: 'ListProducts' }))).toBe('answer');
    expect(
      (await statusErrorOf(inject('a')(fakeServerCall({ method: 'ListProducts' })))).code,
    ).toBe(Status.UNAVAILABLE);
  });
});
