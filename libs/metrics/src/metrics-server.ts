import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { prefersJson } from './accept-json';

export interface MetricsServerOptions {
  readonly registry: Registry;
  readonly host: string;
  /** 0: any free port (see `port` of the running server for the one bound). */
  readonly port: number;
}

export interface MetricsServer {
  readonly host: string;
  /** The port actually bound: what a registration advertises as metrics_port. */
  readonly port: number;
  /** `http://host:port/metrics`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A process's own small scrape endpoint, apart from whatever it serves:
 * `GET /metrics` in Prometheus' text format, or prom-client's JSON
 * (getMetricsAsJSON) when the request asks for `application/json`.
 * Anything else is 404, other methods 405.
 */
export async function startMetricsServer({
  registry,
  host,
  port,
}: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => void answer(registry, request, response));
  // A scraper holding a keep-alive connection must not hold up shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port: bound,
    url: `http://${urlHost}:${bound}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  registry: Registry,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/metrics') return send(response, 404, 'text/plain', 'not found: try /metrics\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'text/plain', 'method not allowed\n');
  }
  try {
    if (prefersJson(request.headers.accept)) {
      const body = JSON.stringify(await registry.getMetricsAsJSON());
      return send(response, 200, 'application/json', body, request.method === 'HEAD');
    }
    const body = await registry.metrics();
    return send(response, 200, registry.contentType, body, request.method === 'HEAD');
  } catch {
    // A collect() that threw: say so without internals; the next scrape retries.
    return send(response, 500, 'text/plain', 'collecting metrics failed\n');
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headOnly = false,
): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(headOnly ? undefined : body);
}
