import { hostField, logLevelField, portField } from '@junction/config';
import { hostname } from 'node:os';
import { z } from 'zod';

export const devRegistryConfigSchema = z.object({
  DEV_REGISTRY_HOST: hostField('127.0.0.1'),
  DEV_REGISTRY_PORT: portField(8500),
  DEV_REGISTRY_NODE: z.string().min(1).default(hostname()),
  DEV_REGISTRY_DATACENTER: z.string().min(1).default('dc1'),
  /**
   * Test flag: multiplies every schedule (TTLs, intervals, reaping, session
   * timers, blocking waits). 1, Consul's own timings, unless a test says so.
   */
  DEV_REGISTRY_TIME_SCALE: z.coerce.number().gt(0).max(1).default(1),
  LOG_LEVEL: logLevelField,
});

export type DevRegistryConfig = z.output<typeof devRegistryConfigSchema>;
