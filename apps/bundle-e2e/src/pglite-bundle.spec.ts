import { WORKSPACE_ROOT } from '@junction/testing';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { nodeModulesAbove } from './support/bare-bundles';

const run = promisify(execFile);
const PROBE = path.join(__dirname, 'fixtures', 'pglite-probe.fixture.cjs');

interface ProbeOutput {
  rows: { id: number; digest: string }[];
  version: string;
}

/**
 * PGlite reads its wasm, its data bundle and extension tarballs from beside
 * its modules: the bundler copies them and points PGlite there. Proved on a
 * probe bundled by the same script as the apps, run where no node_modules is.
 */
describe('a bundle using PGlite, run from a folder with no node_modules', () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'junction-pglite-bundle-')));
  const bundle = path.join(dir, 'probe');
  const probe = (dataDir: string) =>
    run(process.execPath, [path.join(bundle, 'main.js'), dataDir], {
      cwd: dir,
      env: { ...process.env, NODE_PATH: '' },
    });

  beforeAll(async () => {
    expect(nodeModulesAbove(dir)).toEqual([]);
    await run(
      process.execPath,
      ['tools/scripts/bundle-apps.mjs', '--entry', PROBE, '--out', bundle],
      { cwd: WORKSPACE_ROOT },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("carries PGlite's files in the bundle folder", () => {
    for (const file of ['pglite.wasm', 'pglite.data', 'pgcrypto.tar.gz']) {
      expect(existsSync(path.join(bundle, 'packages/@electric-sql/pglite/dist', file))).toBe(true);
    }
  });

  it('opens a database on disk, loads an extension, writes and reads it back, across restarts', async () => {
    const digest = createHash('sha256').update('junction').digest('hex');
    const first = JSON.parse((await probe(path.join(dir, 'data'))).stdout) as ProbeOutput;
    expect(first.version).toMatch(/^PostgreSQL \d+/);
    expect(first.rows).toEqual([{ id: 1, digest }]);
    const second = JSON.parse((await probe(path.join(dir, 'data'))).stdout) as ProbeOutput;
    expect(second.rows).toEqual([
      { id: 1, digest },
      { id: 2, digest },
    ]);
  });
});
