import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** A second process opened an embedded database that one already has open. */
export class EmbeddedDatabaseInUseError extends Error {
  override readonly name = 'EmbeddedDatabaseInUseError';
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is Postgres in one process: two processes on one data folder would
 * corrupt it. This lock file (the holder's pid) refuses the second one with
 * a clear error; a lock left by a process that died is taken over.
 * Returns the release.
 */
export function lockEmbeddedDatabase(lockPath: string, folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new EmbeddedDatabaseInUseError(
          `the embedded database in ${folder} is open in process ${holder}; ` +
            'an embedded database serves one process: set DATABASE_URL to a PostgreSQL server to run several instances',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new EmbeddedDatabaseInUseError(`could not lock the embedded database in ${folder}`);
}
