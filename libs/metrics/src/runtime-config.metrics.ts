import type { RuntimeConfigObserver } from '@junction/discovery';
import { Counter, type Registry } from 'prom-client';

/**
 * Every runtime-config document a process applied or refused, by KV key
 * (`junction/config/gateway`, `junction/faults/catalog`,
 * `junction/breakers/reviews`, …): the observer runtimeConfig() takes.
 */
export class RuntimeConfigMetrics implements RuntimeConfigObserver {
  readonly applies: Counter<'key'>;
  readonly rejections: Counter<'key'>;

  constructor(registry: Registry) {
    this.applies = new Counter({
      name: 'junction_runtime_config_applies_total',
      help: 'Runtime configuration values applied, by Consul KV key',
      labelNames: ['key'],
      registers: [registry],
    });
    this.rejections = new Counter({
      name: 'junction_runtime_config_rejections_total',
      help: 'Runtime configuration values refused (not JSON or failing the schema), by Consul KV key',
      labelNames: ['key'],
      registers: [registry],
    });
  }

  applied(key: string): void {
    this.applies.inc({ key });
  }

  rejected(key: string): void {
    this.rejections.inc({ key });
  }
}
