import { Registry } from 'prom-client';
import { RuntimeConfigMetrics } from './runtime-config.metrics';

describe('runtime config metrics', () => {
  it('count applies and rejections per key', async () => {
    const registry = new Registry();
    const metrics = new RuntimeConfigMetrics(registry);
    metrics.applied('junction/config/gateway');
    metrics.applied('junction/config/gateway');
    metrics.rejected('junction/breakers/reviews');
    const text = await registry.metrics();
    expect(text).toContain(
      'junction_runtime_config_applies_total{key="junction/config/gateway"} 2',
    );
    expect(text).toContain(
      'junction_runtime_config_rejections_total{key="junction/breakers/reviews"} 1',
    );
  });
});
