export {
  databaseEnv,
  redactedUrl,
  DEFAULT_DATABASE_DIR,
  IN_MEMORY,
  IN_MEMORY_SETTINGS,
  type DatabaseSettings,
} from './database.settings';
export { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable.error';
export { EmbeddedDatabaseInUseError } from './embedded.lock';
export { openDatabase, type Database, type DatabaseOptions } from './open-database';
export { ownedDatabase, type OwnedDatabaseOptions } from './owned-database';
