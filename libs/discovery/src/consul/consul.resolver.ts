import type { ResolutionState, ServiceInstance, ServiceResolver } from '../service-resolver.port';
import type { BackoffPolicy } from './backoff';
import type { HealthSource } from './health-source.port';
import { HealthWatch } from './health-watch';

export interface ConsulResolverOptions {
  readonly source: HealthSource;
  /** The upstreams to watch, known at start-up (an app declares what it calls). */
  readonly services: readonly string[];
  readonly waitMs: number;
  readonly backoff: BackoffPolicy;
  readonly onError?: (service: string, error: unknown, failures: number) => void;
  readonly onChange?: (service: string, instances: readonly ServiceInstance[]) => void;
}

/** One blocking health watch per upstream, behind the resolver port. */
export class ConsulResolver implements ServiceResolver {
  private readonly watches = new Map<string, HealthWatch>();

  constructor(options: ConsulResolverOptions) {
    for (const service of options.services) {
      this.watches.set(
        service,
        new HealthWatch({
          service,
          source: options.source,
          waitMs: options.waitMs,
          backoff: options.backoff,
          burst: 2,
          minIntervalMs: 1000,
          onError: (error, failures) => options.onError?.(service, error, failures),
          onChange: (instances) => options.onChange?.(service, instances),
        }),
      );
    }
  }

  instances(service: string): readonly ServiceInstance[] {
    return this.watches.get(service)?.instances ?? [];
  }

  state(service: string): ResolutionState {
    const watch = this.watches.get(service);
    if (!watch) return { status: 'unknown' };
    return watch.lastSuccessAt
      ? { status: watch.state, lastSuccessAt: watch.lastSuccessAt }
      : { status: watch.state };
  }

  async close(): Promise<void> {
    await Promise.all([...this.watches.values()].map((watch) => watch.stop()));
  }
}
