import { breakerForceSchema, type BreakerForce } from '@junction/resilience';
import type Consul from 'consul';
import { z } from 'zod';

const PREFIX = 'junction/breakers/';

const kvEntries = z
  .array(z.object({ Key: z.string(), Value: z.string().nullable() }))
  .nullable()
  .optional();

/**
 * Every upstream's forced breaker states under `junction/breakers/`. A
 * document the callers would refuse is left out (they run on auto too).
 */
export async function readBreakerForces(
  consul: Consul,
  timeoutMs: number,
): Promise<Map<string, BreakerForce>> {
  const entries = kvEntries.parse(
    await consul.kv.get({ key: PREFIX, recurse: true, timeout: timeoutMs } as never),
  );
  const forces = new Map<string, BreakerForce>();
  for (const entry of entries ?? []) {
    const upstream = entry.Key.slice(PREFIX.length);
    if (upstream === '' || upstream.includes('/') || !entry.Value) continue;
    let json: unknown;
    try {
      json = JSON.parse(entry.Value);
    } catch {
      continue;
    }
    const parsed = breakerForceSchema.safeParse(json);
    if (parsed.success) forces.set(upstream, parsed.data);
  }
  return forces;
}
