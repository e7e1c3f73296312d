import { ConfigError, loadConfig } from '@junction/config';
import { gatewayConfigSchema } from '../config/gateway.config';
import { upstreamSettingsOf } from './upstream-settings';

const settingsFrom = (env: Record<string, string>) =>
  upstreamSettingsOf(loadConfig(gatewayConfigSchema, env));

describe('upstream settings', () => {
  it('balances by load by default, reviews by product and orders by idempotency key', () => {
    expect(settingsFrom({})).toMatchObject({
      balancers: {
        catalog: 'p2c',
        inventory: 'p2c',
        reviews: 'consistent-hash',
        orders: 'consistent-hash',
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
});
