import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedDatabaseInUseError, lockEmbeddedDatabase } from './embedded.lock';

describe('lockEmbeddedDatabase', () => {
  let dir: string;
  let lockPath: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'junction-lock-'));
    lockPath = path.join(dir, 'orders.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes this pid and removes the lock on release', () => {
    const release = lockEmbeddedDatabase(lockPath, path.join(dir, 'orders'));
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses while another live process holds the folder, naming it and the way out', () => {
    // What another instance's lock looks like: a live pid that is not ours.
    writeFileSync(lockPath, String(process.ppid));
    const attempt = () => lockEmbeddedDatabase(lockPath, path.join(dir, 'orders'));
    expect(attempt).toThrow(EmbeddedDatabaseInUseError);
    expect(attempt).toThrow(new RegExp(`open in process ${process.ppid}.*set DATABASE_URL`));
  });

  it('takes over the lock of a process that has died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockPath, dead.stdout.toString());
    const release = lockEmbeddedDatabase(lockPath, path.join(dir, 'orders'));
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
  });
});
