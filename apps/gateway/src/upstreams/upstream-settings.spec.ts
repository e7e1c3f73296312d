import { ConfigError, loadConfig } from '@junction/config';
import { gatewayConfigSchema } from '../config/gateway.config';
import { upstreamSettingsOf } from './upstream-settings';
import { UPSTREAM_NAMES } from './upstreams.declaration';

const settingsFrom = (env: Record<string, string>) =>
  upstreamSettingsOf(loadConfig(gatewayConfigSchema, env));

describe('upstream settings', () => {
  it('balances by load by default, and reviews by product', () => {
    expect(settingsFrom({})).toMatchObject({
      balancers: {
        catalog: 'p2c',
        inventory: 'p2c',
        reviews: 'consistent-hash',
        orders: 'p2c',
      },
      maxEjectionMs: 30_000,
    });
  });

  it('takes each upstream balancer and the ejection limit from the environment', () => {
    const settings = settingsFrom({
      BALANCER_CATALOG: 'round-robin',
      BALANCER_REVIEWS: 'p2c',
      EJECTION_MAX_MS: '5000',
    });
    expect(settings.balancers).toMatchObject({ catalog: 'round-robin', reviews: 'p2c' });
    expect(settings.maxEjectionMs).toBe(5000);
  });

  it('refuses an unknown balancer, naming the variable', () => {
    expect(() => settingsFrom({ BALANCER_ORDERS: 'random' })).toThrow(ConfigError);
    expect(() => settingsFrom({ BALANCER_ORDERS: 'random' })).toThrow(/BALANCER_ORDERS/);
  });

  it('has addresses, a balancer and a policy for every declared upstream', () => {
    const settings = settingsFrom({ UPSTREAM_INVENTORY: '10.0.0.7:9102,10.0.0.8:9102' });
    for (const settingsOf of [settings.addresses, settings.balancers, settings.policies]) {
      expect(Object.keys(settingsOf)).toEqual([...UPSTREAM_NAMES]);
    }
    expect(settings.addresses).toMatchObject({
      catalog: ['127.0.0.1:9101'],
      inventory: ['10.0.0.7:9102', '10.0.0.8:9102'],
      reviews: ['127.0.0.1:9103'],
      orders: ['127.0.0.1:9104'],
    });
  });

  it('retries CreateOrder, idempotent by key, and no other side effect', () => {
    const { policies } = settingsFrom({ UPSTREAM_TIMEOUT_MS: '1500' });
    expect(policies.orders).toMatchObject({ timeoutMs: 1500, retryAlso: ['CreateOrder'] });
    for (const name of ['catalog', 'inventory', 'reviews'] as const) {
      expect(policies[name]).toMatchObject({ timeoutMs: 1500, retryAlso: [] });
    }
  });
});
