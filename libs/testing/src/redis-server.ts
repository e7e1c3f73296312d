import { ManagedProcess, waitUntil } from '@junction/test-support';
import Redis from 'ioredis';
import { tmpdir } from 'node:os';

export interface RedisServer {
  readonly url: string;
  /** For assertions on what the gateways stored. */
  readonly client: Redis;
  /** SIGTERM (it closes every connection) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * A real redis-server, memory only (no RDB, no AOF), answering PING.
 * tools/scripts/system-deps.mjs installs it before the tests.
 */
export async function startRedisServer(port: number): Promise<RedisServer> {
  const proc = new ManagedProcess({
    name: `redis-${port}`,
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: process.env,
    cwd: tmpdir(),
  });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await waitUntil(
      async () => {
        if (!proc.running) throw new Error(`redis-server exited:\n${proc.lines.join('\n')}`);
        if (client.status !== 'ready') await client.connect().catch(() => undefined);
        return (await client.ping().catch(() => '')) === 'PONG';
      },
      { timeoutMs: 5000, what: `redis-server on ${port}`, intervalMs: 20 },
    );
  } catch (error) {
    client.disconnect();
    await proc.stop();
    throw error;
  }
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      await proc.stop(5000);
    },
  };
}
