/** One reachable instance of a service. */
export interface ServiceInstance {
  /** Stable within the registry; two instances on one host differ. */
  readonly id: string;
  /** `host:port` to dial. */
  readonly address: string;
}

/**
 * How apps find upstreams. Apps depend on this port only: a static resolver
 * from config today, Consul (watching the catalog) in production, without
 * any change in app code.
 */
/**
 * How much to trust `instances()`: 'ok' is the registry's current answer
 * (an empty list means there really are none); 'stale' is the last known
 * good list while the registry can't be reached; 'unknown' means no answer
 * has arrived yet.
 */
export interface ResolutionState {
  readonly status: 'ok' | 'stale' | 'unknown';
  /** Epoch ms of the last answer from the registry, when there was one. */
  readonly lastSuccessAt?: number;
}

export interface ServiceResolver {
  /** The instances currently known for `service`; empty when there are none. */
  instances(service: string): readonly ServiceInstance[];
  state(service: string): ResolutionState;
  /** Stops any background work (watches). */
  close(): Promise<void>;
}
