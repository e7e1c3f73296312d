import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inMemoryPglite } from './memory-cluster.cache';

describe('inMemoryPglite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'junction-cluster-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One test: building the cache is the slow part (initdb and a dump).
  it('caches an empty cluster, starts later ones empty and their own from it, and rebuilds a bad cache', async () => {
    const first = await inMemoryPglite(dir);
    const [cached] = readdirSync(dir);
    expect(cached).toMatch(/empty-cluster\.tar$/);
    await first.query('create table mine (n int)');
    const second = await inMemoryPglite(dir);
    const tables = await second.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where tablename = 'mine'`,
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
    await Promise.all([first.close(), second.close()]);

    writeFileSync(path.join(dir, cached), 'not a tarball');
    const rebuilt = await inMemoryPglite(dir);
    expect((await rebuilt.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await rebuilt.close();
    expect(statSync(path.join(dir, cached)).size).toBeGreaterThan(1_000_000);
  });
});
