import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inMemoryPglite } from './memory-cluster.cache';

describe('inMemoryPglite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'junction-cluster-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('caches an empty cluster once, and starts later ones from it, each empty and its own', async () => {
    const first = await inMemoryPglite(dir);
    const [cached] = readdirSync(dir);
    expect(cached).toMatch(/empty-cluster\.tar$/);
    await first.query('create table mine (n int)');
    const second = await inMemoryPglite(dir);
    const tables = await second.query(
      `select count(*)::int as n from pg_tables where tablename = 'mine'`,
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
    await Promise.all([first.close(), second.close()]);
  });

  it('rebuilds a cache it cannot load', async () => {
    const first = await inMemoryPglite(dir);
    await first.close();
    const [cached] = readdirSync(dir);
    writeFileSync(path.join(dir, cached), 'not a tarball');
    const db = await inMemoryPglite(dir);
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await db.close();
    expect(statSync(path.join(dir, cached)).size).toBeGreaterThan(1_000_000);
  });
});
