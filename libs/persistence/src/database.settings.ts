import { millisField } from '@junction/config';
import { z } from 'zod';

/** Where embedded data lives when no server is named, and the in-memory choice. */
export const DEFAULT_DATABASE_DIR = '.data';
export const IN_MEMORY = 'memory://';

const SERVER_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/**
 * The database fields every stateful service's config spreads in. Each
 * service process reads its own DATABASE_URL: unset (or empty) means the
 * embedded PGlite under DATABASE_DIR/<service>, so `npm start` needs no
 * server; set, it names a PostgreSQL server that any number of instances
 * share.
 */
export const databaseEnv = () => ({
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(SERVER_URL, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  // Relative to the working directory (the workspace root under `npm start`);
  // memory:// keeps the embedded database in memory only (tests).
  DATABASE_DIR: z.string().min(1).default(DEFAULT_DATABASE_DIR),
  // Connections per instance: N instances hold up to N × this many of the
  // server's max_connections (see docs/scaling.md).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Bounds connecting and every statement, so an unreachable or stuck
  // server answers UNAVAILABLE instead of hanging the call.
  DATABASE_TIMEOUT_MS: millisField(5000),
});

export interface DatabaseSettings {
  readonly DATABASE_URL?: string;
  readonly DATABASE_DIR: string;
  readonly DATABASE_POOL_MAX: number;
  readonly DATABASE_TIMEOUT_MS: number;
}

/** A server URL without its password, for logs and errors. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}

/** An embedded database in memory only: what specs open (nothing survives the process). */
export const IN_MEMORY_SETTINGS: DatabaseSettings = {
  DATABASE_DIR: IN_MEMORY,
  DATABASE_POOL_MAX: 1,
  DATABASE_TIMEOUT_MS: 5000,
};
