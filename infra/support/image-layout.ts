/** Where infra/Dockerfile puts the health probe in every image. */
export const HEALTH_PROBE_IN_IMAGE = '/usr/local/lib/junction/health-probe.mjs';
