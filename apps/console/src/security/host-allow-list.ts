import { isLoopbackHost } from '../config/loopback';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The `Host` values a request may carry: the loopback names on the port it
 * arrived on, the bind host when it is a specific address, and what
 * CONSOLE_ALLOWED_HOSTS adds (`host` means that host on the same port).
 * Anything else is a page that rebound its own name to this machine.
 */
export class HostAllowList {
  private readonly exact = new Set<string>();
  private readonly anyPort = new Set<string>();

  constructor(bindHost: string, extra: readonly string[]) {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) this.anyPort.add(host);
    const bind = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
    if (!WILDCARD_HOSTS.has(bindHost) && !isLoopbackHost(bindHost))
      this.anyPort.add(bind.toLowerCase());
    for (const entry of extra) {
      if (/^(\[[^\]]+\]|[^:[\]]+):\d+$/.test(entry)) this.exact.add(entry.toLowerCase());
      else this.anyPort.add(entry.toLowerCase());
    }
  }

  /** True when `host` (the header) names this server on `port`. */
  allows(host: string | undefined, port: number): boolean {
    if (host === undefined) return false;
    const value = host.toLowerCase();
    if (this.exact.has(value)) return true;
    const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(value);
    if (!match) return false;
    const [, name = '', portText] = match;
    const presentedPort = portText === undefined ? 80 : Number(portText);
    return presentedPort === port && this.anyPort.has(name);
  }
}
