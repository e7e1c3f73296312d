/** Where the global setup runs the dev registry when no CONSUL_HTTP_ADDR is given. */
export const DEV_REGISTRY_PORT = 18500;
export const DEV_REGISTRY_ADDR = `http://127.0.0.1:${DEV_REGISTRY_PORT}`;
/** Every schedule in the dev registry runs at this fraction of Consul's. */
export const DEV_REGISTRY_TIME_SCALE = 0.02;

/**
 * Ports (below 32768, outside the ephemeral range) for the servers the specs
 * start for the registry's probes to reach.
 */
export const PROBE_TARGET_PORTS = { from: 18600, to: 18699 } as const;
