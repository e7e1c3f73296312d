import { z } from 'zod';

/** A TCP port from an environment variable, with a default. */
export const portField = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

/** A host or IP to listen on / dial. */
export const hostField = (fallback: string) => z.string().min(1).default(fallback);

/** A positive duration in milliseconds. */
export const millisField = (fallback: number) =>
  z.coerce.number().int().positive().max(3_600_000).default(fallback);

/** pino's levels. */
export const logLevelField = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');
