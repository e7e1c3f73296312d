/** What Check answers for a hosted service (Watch adds SERVICE_UNKNOWN). */
export type ServingStatus = 'SERVING' | 'NOT_SERVING';

type Listener = (status: ServingStatus) => void;

/**
 * The status grpc.health.v1.Health reports: one for the server ('') and
 * each service it hosts, all the same, since they start and drain together.
 * Starts NOT_SERVING; the runner flips it once the server is bound, and back
 * when it drains. Watchers hear of each change.
 */
export class ServingHealth {
  private readonly names: ReadonlySet<string>;
  private readonly listeners = new Set<Listener>();
  private current: ServingStatus = 'NOT_SERVING';

  constructor(serviceNames: readonly string[]) {
    this.names = new Set(['', ...serviceNames]);
  }

  get status(): ServingStatus {
    return this.current;
  }

  set(status: ServingStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  /** The status of a service ('' for the server), or undefined for one not hosted here. */
  statusOf(service: string): ServingStatus | undefined {
    return this.names.has(service) ? this.current : undefined;
  }

  /**
   * Tells `listener` the service's status now and at each change (a service
   * not hosted here is SERVICE_UNKNOWN, once). Returns the unsubscribe.
   */
  watch(
    service: string,
    listener: (status: ServingStatus | 'SERVICE_UNKNOWN') => void,
  ): () => void {
    if (!this.names.has(service)) {
      listener('SERVICE_UNKNOWN');
      return () => undefined;
    }
    listener(this.current);
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
