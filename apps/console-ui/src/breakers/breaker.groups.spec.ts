import type { BreakerView } from '@junction/console-api';
import { groupBreakers } from './breaker.groups';

const breaker = (overrides: Partial<BreakerView>): BreakerView => ({
  caller: 'gateway',
  callerInstance: 'gateway-1',
  upstream: 'reviews',
  method: 'ListReviews',
  state: 'closed',
  forced: 'auto',
  ...overrides,
});

describe('groupBreakers', () => {
  it('groups per upstream and counts open and half-open breakers', () => {
    const groups = groupBreakers([
      breaker({ upstream: 'reviews', state: 'open' }),
      breaker({ upstream: 'catalog', method: 'GetProduct' }),
      breaker({
        upstream: 'reviews',
        caller: 'orders',
        callerInstance: 'orders-1',
        state: 'half-open',
      }),
    ]);
    expect(groups.map((g) => [g.upstream, g.rows.length, g.open, g.halfOpen])).toEqual([
      ['catalog', 1, 0, 0],
      ['reviews', 2, 1, 1],
    ]);
  });

  it('orders rows by caller, method and instance', () => {
    const [group] = groupBreakers([
      breaker({ caller: 'orders', method: 'A' }),
      breaker({ caller: 'gateway', method: 'B', callerInstance: 'gateway-2' }),
      breaker({ caller: 'gateway', method: 'B', callerInstance: 'gateway-1' }),
      breaker({ caller: 'gateway', method: 'A' }),
    ]);
    expect(group!.rows.map((r) => `${r.caller}/${r.method}/${r.callerInstance}`)).toEqual([
      'gateway/A/gateway-1',
      'gateway/B/gateway-1',
      'gateway/B/gateway-2',
      'orders/A/gateway-1',
    ]);
  });

  it('summarises the forced value, or says it is mixed', () => {
    expect(
      groupBreakers([breaker({ forced: 'open' }), breaker({ method: 'X', forced: 'open' })])[0]!
        .forced,
    ).toBe('open');
    expect(groupBreakers([breaker({ forced: 'open' }), breaker({ method: 'X' })])[0]!.forced).toBe(
      'mixed',
    );
  });
});
