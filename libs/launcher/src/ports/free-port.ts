import { createServer } from 'node:net';

/** Junction listens below the ephemeral range, so its ports never race the kernel's. */
export const MAX_LISTEN_PORT = 32_767;

export type PortCheck = (port: number, host: string) => Promise<boolean>;

/** True when nothing listens on `host:port` (by listening there for a moment). */
export const isPortFree: PortCheck = (port, host) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });

/** The first port from `from` up that is neither `taken` nor in use. */
export async function nextFreePort(
  from: number,
  taken: ReadonlySet<number>,
  host: string,
  isFree: PortCheck = isPortFree,
): Promise<number> {
  for (let port = from; port <= MAX_LISTEN_PORT; port++) {
    if (!taken.has(port) && (await isFree(port, host))) return port;
  }
  throw new Error(`no free port between ${from} and ${MAX_LISTEN_PORT}`);
}
