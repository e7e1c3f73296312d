import type { Kysely, Migration } from 'kysely';
import type { DatabaseSettings } from './database.settings';
import { openDatabase, type Database } from './open-database';

/** The part of a service's logger this needs (pino's, structurally). */
interface WarnAndInfo {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface OwnedDatabaseOptions {
  /** Versioned migrations by name, applied in name order at start, each once across instances. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /**
   * Idempotent demo data, run after the migrations on every start (e.g.
   * insert … on conflict do nothing). Kysely<any>, as Kysely's own Migration
   * takes: each service seeds through its own table types.
   */
  seed?(db: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const hasDatabaseSettings = (config: unknown): config is DatabaseSettings =>
  typeof (config as Partial<DatabaseSettings> | null)?.DATABASE_DIR === 'string';

/**
 * What a service declares to own a database (runService's `database`): its
 * config spreads in databaseEnv(); the runtime opens it with the service's
 * name (its schema and embedded folder), migrates and seeds it, and closes
 * it after the drain.
 */
export const ownedDatabase = (options: OwnedDatabaseOptions) => ({
  async open({
    service,
    config,
    logger,
  }: {
    readonly service: string;
    readonly config: unknown;
    readonly logger: WarnAndInfo;
  }): Promise<Database<unknown>> {
    if (!hasDatabaseSettings(config)) {
      throw new Error(`${service} declares a database but its config lacks databaseEnv()`);
    }
    const database = await openDatabase<unknown>({
      service,
      settings: config,
      migrations: options.migrations,
      onIdleError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
    });
    try {
      await options.seed?.(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
    logger.info({ database: database.location }, 'database ready');
    return database;
  },
});
