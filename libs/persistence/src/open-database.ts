import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Dialect, type Migration } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool } from 'pg';
import path from 'node:path';
import { IN_MEMORY, redactedUrl, type DatabaseSettings } from './database.settings';
import { lockEmbeddedDatabase } from './embedded.lock';
import { inMemoryPglite } from './memory-cluster.cache';
import { unavailableTranslating } from './unavailable-translating.dialect';

export interface DatabaseOptions {
  /** The owning service: its Postgres schema and its embedded folder are named after it. */
  readonly service: string;
  readonly settings: DatabaseSettings;
  /** Versioned migrations by name; applied in name order, each once. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** Where a failure of an idle pooled connection is reported (it must not crash the process). */
  readonly onIdleError?: (error: Error) => void;
}

export interface Database<DB> {
  /** Queries run in the service's own schema. */
  readonly db: Kysely<DB>;
  /** 'embedded (<folder>)' or the server URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;
/** Nothing to release: only an embedded folder on disk is locked. */
const NO_LOCK = (): void => undefined;

/**
 * One SQL path over two drivers: node-postgres for a PostgreSQL server
 * (DATABASE_URL), PGlite (Postgres compiled to WASM, in this process) when
 * none is named. Migrations run before anything else, in a transaction
 * under Kysely's advisory lock, so instances starting together apply each
 * one exactly once. Every table lives in a schema named after the service
 * (migrations see a connection bound to it), so services may share one
 * database without their tables meeting.
 */
export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  const schema = options.service.replaceAll('-', '_');
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${options.service}" is not a schema name`);
  const { dialect, location, release } = await dialectFor(options);
  const root = new Kysely<DB>({ dialect: unavailableTranslating(dialect) });
  try {
    await migrate(root.withSchema(schema), schema, options.migrations);
  } catch (error) {
    await root.destroy();
    release();
    throw error;
  }
  return {
    db: root.withSchema(schema),
    location,
    close: async () => {
      await root.destroy();
      release();
    },
  };
}

async function migrate<DB>(
  db: Kysely<DB>,
  schema: string,
  migrations: Readonly<Record<string, Migration>>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

interface OpenedDialect {
  readonly dialect: Dialect;
  readonly location: string;
  readonly release: () => void;
}

async function dialectFor({ service, settings, onIdleError }: DatabaseOptions) {
  if (settings.DATABASE_URL) return serverDialect(settings, settings.DATABASE_URL, onIdleError);
  return embeddedDialect(service, settings.DATABASE_DIR);
}

function serverDialect(
  settings: DatabaseSettings,
  url: string,
  onIdleError: ((error: Error) => void) | undefined,
): OpenedDialect {
  const timeoutMs = settings.DATABASE_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: settings.DATABASE_POOL_MAX,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
    idleTimeoutMillis: 30_000,
  });
  // A pooled connection the server drops while idle emits here; unheard,
  // it would be an uncaught 'error' event and end the process.
  pool.on('error', (error) => onIdleError?.(error));
  return { dialect: new PostgresDialect({ pool }), location: redactedUrl(url), release: NO_LOCK };
}

async function embeddedDialect(service: string, dir: string): Promise<OpenedDialect> {
  if (dir === IN_MEMORY) {
    return {
      dialect: new PGliteDialect(await inMemoryPglite()),
      location: 'embedded (memory)',
      release: NO_LOCK,
    };
  }
  const folder = path.resolve(dir, service);
  const release = lockEmbeddedDatabase(`${folder}.lock`, folder);
  try {
    const pglite = await PGlite.create(folder);
    return { dialect: new PGliteDialect(pglite), location: `embedded (${folder})`, release };
  } catch (error) {
    release();
    throw error;
  }
}
