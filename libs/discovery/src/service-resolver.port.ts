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
export interface ServiceResolver {
  /** The instances currently known for `service`; empty when there are none. */
  instances(service: string): readonly ServiceInstance[];
  /** Stops any background work (watches). */
  close(): Promise<void>;
}
