import { Server as GrpcServer, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, type Server as NetServer } from 'node:net';
import { PROBE_TARGET_PORTS } from './registry-ports';

/**
 * The host the agent's probes use to reach servers started by the specs; the
 * default suits the dev registry and a local `consul agent -dev`.
 */
export const PROBE_TARGET_HOST = process.env.CONSUL_PROBE_TARGET_HOST ?? '127.0.0.1';

/** Loopback when the agent probes from this machine, else every interface. */
const listenHost = () => (PROBE_TARGET_HOST === '127.0.0.1' ? '127.0.0.1' : '0.0.0.0');

/** Candidate ports in the probe-target range, from a random start (parallel workers). */
function candidatePorts(): number[] {
  const { from, to } = PROBE_TARGET_PORTS;
  const size = to - from + 1;
  const start = Math.floor(Math.random() * size);
  return Array.from({ length: size }, (_, i) => from + ((start + i) % size));
}

/** Listens on the first free port of the range (on all interfaces the host may name). */
async function listenInRange(server: NetServer): Promise<number> {
  for (const port of candidatePorts()) {
    const ok = await new Promise<boolean>((resolve) => {
      // Taken (or not ours to take): try the next one.
      const onError = () => {
        server.removeListener('listening', onListening);
        resolve(false);
      };
      const onListening = () => {
        server.removeListener('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, listenHost());
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${PROBE_TARGET_PORTS.from}-${PROBE_TARGET_PORTS.to}`);
}

export interface ProbeHit {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived. */
  readonly at: number;
}

/**
 * An HTTP server for HTTP checks:
 * - `/status/<code>` answers that code with body `body <code>`;
 * - `/switch/<id>` answers the code set with `setStatus(id, code)` (200 until then);
 * - `/redirect/<code>` answers 302 to `/status/<code>`;
 * - `/hang` never answers (until closed).
 * Every request is recorded per path.
 */
export class HttpTarget {
  private readonly hitsByPath = new Map<string, ProbeHit[]>();
  private readonly switches = new Map<string, number>();
  private readonly server = createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const hits = this.hitsByPath.get(path) ?? [];
    hits.push({ method: req.method ?? 'GET', headers: req.headers, at: performance.now() });
    this.hitsByPath.set(path, hits);
    req.resume();
    const [, kind, arg = ''] = path.split('/');
    if (kind === 'hang') return;
    if (kind === 'redirect') {
      res.writeHead(302, { Location: `/status/${arg}` }).end();
      return;
    }
    const code = kind === 'switch' ? (this.switches.get(arg) ?? 200) : Number(arg) || 404;
    res.writeHead(code, { 'Content-Type': 'text/plain' }).end(`body ${code}`);
  });
  port = 0;

  static async start(): Promise<HttpTarget> {
    const target = new HttpTarget();
    target.port = await listenInRange(target.server);
    return target;
  }

  url(path: string): string {
    return `http://${PROBE_TARGET_HOST}:${this.port}${path}`;
  }

  hits(path: string): readonly ProbeHit[] {
    return this.hitsByPath.get(path) ?? [];
  }

  setStatus(id: string, code: number): void {
    this.switches.set(id, code);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A TCP server that accepts (and closes) every connection. */
export class TcpTarget {
  private readonly server = createTcpServer((socket) => socket.end());
  port = 0;

  static async start(): Promise<TcpTarget> {
    const target = new TcpTarget();
    target.port = await listenInRange(target.server);
    return target;
  }

  get address(): string {
    return `${PROBE_TARGET_HOST}:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port in the range that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listenInRange(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A gRPC server with only grpc.health.v1.Health (grpc-node's implementation). */
export class GrpcHealthTarget {
  private readonly server = new GrpcServer();
  private readonly health: HealthImplementation;
  port = 0;

  private constructor(statuses: Record<string, ServingStatus>) {
    this.health = new HealthImplementation(statuses);
    this.health.addToServer(
      this.server as unknown as Parameters<HealthImplementation['addToServer']>[0],
    );
  }

  /** `statuses` maps service names ('' = the whole server) to their serving status. */
  static async start(statuses: Record<string, ServingStatus>): Promise<GrpcHealthTarget> {
    const target = new GrpcHealthTarget(statuses);
    // A port just seen free (grpc-js logs an error for every failed bind).
    for (let attempt = 0; attempt < 20; attempt++) {
      const port = await closedPort();
      const bound = await new Promise<boolean>((resolve) => {
        target.server.bindAsync(
          `${listenHost()}:${port}`,
          ServerCredentials.createInsecure(),
          (error) => resolve(!error),
        );
      });
      if (bound) {
        target.port = port;
        return target;
      }
    }
    throw new Error(`no free port in ${PROBE_TARGET_PORTS.from}-${PROBE_TARGET_PORTS.to}`);
  }

  get address(): string {
    return `${PROBE_TARGET_HOST}:${this.port}`;
  }

  setStatus(service: string, status: ServingStatus): void {
    this.health.setStatus(service, status);
  }

  async close(): Promise<void> {
    this.server.forceShutdown();
  }
}
