import type { ServiceInstance } from '../service-resolver.port';

/**
 * Calls in flight per instance id. Ids at zero are forgotten, so instances
 * that left the registry leave nothing behind.
 */
export class OutstandingCalls {
  private readonly counts = new Map<string, number>();

  of(instance: ServiceInstance): number {
    return this.counts.get(instance.id) ?? 0;
  }

  start(instance: ServiceInstance): void {
    this.counts.set(instance.id, this.of(instance) + 1);
  }

  end(instance: ServiceInstance): void {
    const left = this.of(instance) - 1;
    if (left > 0) this.counts.set(instance.id, left);
    else this.counts.delete(instance.id);
  }
}
