/** How one server closes: gracefully, and by force. */
export interface Closable {
  /** Takes no new calls and calls `done` once the last one in flight has ended. */
  close(done: () => void): void;
  /** Cancels what is still in flight. */
  force(): void;
}

/**
 * One drain, as both server transports do it: the open watches end first
 * (their callers have seen NOT_SERVING), then the server closes gracefully,
 * forced once `timeoutMs` has passed.
 */
export function drainServer(
  server: Closable | undefined,
  watches: Set<() => void>,
  timeoutMs: number,
): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    for (const stop of [...watches]) stop();
    const force = setTimeout(() => server.force(), timeoutMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
