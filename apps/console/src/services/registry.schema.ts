import { z } from 'zod';

// Consul's answers, checked: a registry that answers something else is an
// error the console reports, never a crash or a wrong picture.

/** GET /v1/catalog/services: service name → tags. */
export const catalogServicesSchema = z.record(z.string(), z.array(z.string()).nullable());

const checkSchema = z.object({
  CheckID: z.string(),
  Name: z.string().default(''),
  Status: z.string(),
  Output: z.string().default(''),
  ServiceID: z.string().default(''),
});

/** GET /v1/health/service/:name, every instance whatever its checks say. */
export const healthEntriesSchema = z.array(
  z.object({
    Node: z.object({ Node: z.string().default(''), Address: z.string() }),
    Service: z.object({
      ID: z.string().min(1),
      Service: z.string().min(1),
      Address: z.string().default(''),
      Port: z.number().int().min(0).max(65535).default(0),
      Meta: z.record(z.string(), z.string()).nullable().default(null),
    }),
    Checks: z.array(checkSchema).nullable().default([]),
  }),
);

export type HealthEntry = z.output<typeof healthEntriesSchema>[number];
