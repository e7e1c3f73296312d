import { z } from 'zod';
import type { ServiceInstance } from '../service-resolver.port';

/**
 * What Junction needs from one `/v1/health/service` entry, checked: a
 * malformed answer from the registry is an error, never a bad address.
 */
const healthEntry = z.object({
  Node: z.object({ Address: z.string() }),
  Service: z.object({
    ID: z.string().min(1),
    Service: z.string().min(1),
    Address: z.string().optional().default(''),
    Port: z.number().int().min(0).max(65535).optional().default(0),
    Meta: z.record(z.string(), z.string()).nullable().optional(),
  }),
});

export const healthEntries = z.array(healthEntry);

/** Instances to dial: the service address (else the node's) and its port. */
export function toInstances(entries: z.output<typeof healthEntries>): ServiceInstance[] {
  return entries
    .filter((entry) => entry.Service.Port > 0)
    .map((entry) => {
      const host = entry.Service.Address || entry.Node.Address;
      return {
        id: entry.Service.ID,
        address: host.includes(':')
          ? `[${host}]:${entry.Service.Port}`
          : `${host}:${entry.Service.Port}`,
      };
    });
}
