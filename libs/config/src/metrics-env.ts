import { z } from 'zod';

/**
 * Where a process serves its metrics (`GET /metrics` on a small server of
 * its own). Port 0, the default, takes any free port: the bound one is what
 * the process advertises (meta `metrics_port`). The host defaults to the
 * process's own listen host.
 */
export const metricsEnv = () => ({
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
});
