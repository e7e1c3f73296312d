import { PGlite } from '@electric-sql/pglite';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Bumped with the PGlite version (a dump of another version is refused and rebuilt anyway). */
const CLUSTER_FORMAT = 'pglite-0.4';

/**
 * An in-memory PGlite, started from a cached empty cluster when there is
 * one. A fresh PGlite runs initdb first (1.5-2.5 s); loading the dump of an
 * empty, initialized cluster takes about 0.4 s. Every spec file and every
 * test-stack service opens one, so the cache is shared by all processes of
 * the machine (written once, atomically; an unreadable one is rebuilt).
 */
export async function inMemoryPglite(cacheDir: string = tmpdir()): Promise<PGlite> {
  const cache = path.join(cacheDir, `junction-${CLUSTER_FORMAT}-empty-cluster.tar`);
  const dump = await readFile(cache).catch(() => undefined);
  if (dump) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([dump]) });
    } catch {
      await rm(cache, { force: true });
    }
  }
  const fresh = await PGlite.create();
  const empty = await fresh.dumpDataDir('none');
  const partial = `${cache}.${process.pid}.${Date.now()}`;
  await writeFile(partial, Buffer.from(await empty.arrayBuffer()));
  await rename(partial, cache);
  return fresh;
}
