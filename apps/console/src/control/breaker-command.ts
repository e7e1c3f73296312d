import type { BreakerCommand } from '@junction/console-api';
import type { BreakerForce } from '@junction/resilience';
import { z } from 'zod';

export const breakerCommandSchema: z.ZodType<BreakerCommand> = z
  .object({
    state: z.enum(['open', 'closed', 'auto']),
    method: z.string().min(1).optional(),
  })
  .strict();

/**
 * The forced states after `command`, merged with what is there: a method's
 * entry or the upstream-wide state is set, or removed for auto. Undefined
 * when nothing is forced any more (the key is then deleted).
 */
export function applyBreakerCommand(
  current: BreakerForce | undefined,
  command: BreakerCommand,
): { state?: 'open' | 'closed'; methods?: Record<string, 'open' | 'closed'> } | undefined {
  const methods: Record<string, 'open' | 'closed'> = { ...(current?.methods ?? {}) };
  let state = current?.state;
  if (command.method === undefined) {
    state = command.state === 'auto' ? undefined : command.state;
  } else if (command.state === 'auto') {
    delete methods[command.method];
  } else {
    methods[command.method] = command.state;
  }
  const hasMethods = Object.keys(methods).length > 0;
  if (state === undefined && !hasMethods) return undefined;
  return { ...(state ? { state } : {}), ...(hasMethods ? { methods } : {}) };
}
