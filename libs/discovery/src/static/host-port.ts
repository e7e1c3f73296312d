const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** True for `host:port` / `[v6]:port` with a port in 1..65535. */
export function isHostPort(value: string): boolean {
  const match = HOST_PORT.exec(value);
  if (!match) return false;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535;
}
