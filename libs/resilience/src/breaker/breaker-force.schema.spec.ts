import { breakerForceKey, breakerForceSchema, forcedStateOf } from './breaker-force.schema';

describe('breaker force document', () => {
  it('is auto throughout when empty', () => {
    const force = breakerForceSchema.parse({});
    expect(force).toEqual({ methods: {} });
    expect(forcedStateOf(force, 'GetSummary')).toBeUndefined();
    expect(forcedStateOf(undefined, 'GetSummary')).toBeUndefined();
  });

  it('forces every method with state, a method entry winning', () => {
    const force = breakerForceSchema.parse({ state: 'open', methods: { GetSummary: 'closed' } });
    expect(forcedStateOf(force, 'ListReviews')).toBe('open');
    expect(forcedStateOf(force, 'GetSummary')).toBe('closed');
  });

  it('lives under junction/breakers/<upstream>', () => {
    expect(breakerForceKey('reviews')).toBe('junction/breakers/reviews');
  });

  it.each([
    [{ state: 'auto' }],
    [{ state: 'half-open' }],
    [{ methods: { getSummary: 'open' } }],
    [{ methods: { GetSummary: 'auto' } }],
    [{ State: 'open' }],
    [[]],
  ])('refuses %j', (json) => {
    expect(breakerForceSchema.safeParse(json).success).toBe(false);
  });
});
