import { ManagedProcess, waitUntil } from '@junction/test-support';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface PostgresServer {
  /** postgres://junction@127.0.0.1:<port>/<database> */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** An outage: SIGINT (fast shutdown: every connection is cut) and wait for the exit. */
  stop(): Promise<void>;
  /** Back on the same port and data after stop(). */
  start(): Promise<void>;
  /** stop() and remove the cluster. */
  destroy(): Promise<void>;
}

/**
 * Debian's postgresql package keeps its server binaries off PATH, under
 * /usr/lib/postgresql/<major>/bin; tools/scripts/system-deps.mjs installs it.
 */
export function postgresBinDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base)
    ? readdirSync(base)
        .filter((major) => existsSync(path.join(base, major, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) {
    throw new Error('no PostgreSQL server binaries (initdb): install the postgresql package');
  }
  return path.join(base, majors[0], 'bin');
}

/** Postgres refuses to run as root: as root, run it as the package's postgres user. */
function asServerUser(): { prefix: string[]; uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return { prefix: [] };
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new Error('running as root, but there is no postgres user to run the server as');
  }
  return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'], uid, gid };
}

/**
 * A real, throwaway PostgreSQL cluster: initdb into a temp folder, then the
 * server in the foreground on 127.0.0.1:<port> (its socket in that folder
 * too), trust auth for user junction, no fsync (test data only).
 */
export async function startPostgresServer(port: number): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = asServerUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'junction-pg-'));
  const data = path.join(dir, 'data');
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid ?? user.uid);
  chmodSync(dir, 0o700);
  const [command, ...prefixArgs] = [...user.prefix, path.join(bin, 'initdb')];
  const init = spawnSync(
    command,
    [
      ...prefixArgs,
      '-D',
      data,
      '-U',
      'junction',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

  let proc: ManagedProcess | undefined;
  const url = (database: string) => `postgres://junction@127.0.0.1:${port}/${database}`;
  const query = async (sql: string) => {
    const client = new Client({ connectionString: url('postgres'), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query(sql);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const start = async () => {
    const [server, ...args] = [...user.prefix, path.join(bin, 'postgres')];
    const running = new ManagedProcess({
      name: `postgres-${port}`,
      command: server,
      args: [
        ...args,
        ...['-D', data, '-p', String(port), '-k', dir],
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
      ],
      env: process.env,
      cwd: dir,
    });
    proc = running;
    await waitUntil(
      async () => {
        if (!running.running) throw new Error(`postgres exited:\n${running.lines.join('\n')}`);
        return query('select 1').then(
          () => true,
          () => false,
        );
      },
      { timeoutMs: 15_000, what: `postgres on ${port}`, intervalMs: 50 },
    );
  };
  const stop = async () => {
    if (!proc?.running) return;
    proc.signal('SIGINT');
    await proc.exited;
  };
  await start();
  return {
    url,
    createDatabase: (name) => query(`create database "${name}"`),
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
