import Redis from 'ioredis';

/** Where connection state changes are reported (Nest's Logger fits). */
export interface StateLog {
  log(message: string): void;
  warn(message: string): void;
}

export interface RedisSettings {
  readonly url: string;
  readonly commandTimeoutMs: number;
}

/**
 * The Redis client of the rate limiter. Nothing waits for Redis: with no
 * offline queue, a command while disconnected fails at once, and one that
 * takes longer than commandTimeoutMs fails too; either way the in-memory
 * insurance limiter answers instead. Commands cut off by a lost connection are
 * dropped, not replayed on reconnect: the insurance limiter already counted
 * them. Reconnects forever with ioredis' backoff (at most 2 s apart).
 *
 * Logs only changes of state (shared / not shared), never per request.
 */
export function connectRedis({ url, commandTimeoutMs }: RedisSettings, log: StateLog): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  });
  let state: 'starting' | 'ready' | 'down' = 'starting';
  client.on('ready', () => {
    state = 'ready';
    log.log('Redis ready: rate limits are shared by every gateway using it');
  });
  const down = (cause: string) => {
    if (state === 'down') return;
    state = 'down';
    log.warn(`Redis unavailable (${cause}): rate limits are per process until it is back`);
  };
  // Without an error listener ioredis prints every reconnect failure itself.
  client.on('error', (error: Error) => down(error.message));
  client.on('close', () => down('connection closed'));
  return client;
}

/** Ends the connection (politely when it is up, at once when not), without reporting it as lost. */
export async function closeRedis(client: Redis): Promise<void> {
  client
    .removeAllListeners('close')
    .removeAllListeners('error')
    .on('error', () => undefined);
  if (client.status === 'ready') await client.quit().catch(() => undefined);
  client.disconnect();
}
