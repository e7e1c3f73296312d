import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RestartRefusedError } from '../supervision/supervised-process';
import { UnknownProcessError, type Supervisor } from '../supervision/supervisor';
import { bearerTokenMatches } from './bearer-token';

export interface ControlServerOptions {
  readonly supervisor: Pick<Supervisor, 'views' | 'restart'>;
  readonly token: string;
  /** Loopback only: the console is its one client. */
  readonly host?: string;
  readonly port?: number;
}

export interface ControlServer {
  /** e.g. http://127.0.0.1:40123, given to the console as JUNCTION_LAUNCHER_URL. */
  readonly url: string;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** RFC 9457 problem bodies. */
const problem = (
  res: ServerResponse,
  status: number,
  title: string,
  detail?: string,
  headers = {},
) =>
  send(
    res,
    status,
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}) },
    { 'content-type': 'application/problem+json', ...headers },
  );

const RESTART_PATH = /^\/processes\/([^/]+)\/restart$/;

function handle(options: ControlServerOptions, req: IncomingMessage, res: ServerResponse): void {
  // The console calls from its server; a browser never should (a page
  // cannot learn the token, but refusing it outright costs nothing).
  if (req.headers.origin !== undefined) {
    return problem(res, 403, 'Forbidden', 'the control API takes no browser requests');
  }
  if (!bearerTokenMatches(req.headers.authorization, options.token)) {
    return problem(res, 401, 'Unauthorized', 'a bearer token is required', {
      'www-authenticate': 'Bearer',
    });
  }
  const { pathname } = new URL(req.url ?? '/', 'http://launcher');
  if (pathname === '/processes') {
    if (req.method !== 'GET')
      return problem(res, 405, 'Method Not Allowed', undefined, { allow: 'GET' });
    return send(res, 200, options.supervisor.views());
  }
  const restart = RESTART_PATH.exec(pathname);
  if (restart) {
    if (req.method !== 'POST') {
      return problem(res, 405, 'Method Not Allowed', undefined, { allow: 'POST' });
    }
    let name: string;
    try {
      name = decodeURIComponent(restart[1]);
    } catch {
      return problem(res, 400, 'Bad Request', 'the process name is not valid percent-encoding');
    }
    try {
      return send(res, 202, options.supervisor.restart(name));
    } catch (error) {
      if (error instanceof UnknownProcessError)
        return problem(res, 404, 'Not Found', error.message);
      if (error instanceof RestartRefusedError) return problem(res, 409, 'Conflict', error.message);
      throw error;
    }
  }
  return problem(res, 404, 'Not Found', `no route ${pathname}`);
}

/**
 * The launcher's control API for the console: `GET /processes` and
 * `POST /processes/{name}/restart`, behind a bearer token, on loopback.
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    req.resume();
    try {
      handle(options, req, res);
    } catch (error) {
      problem(
        res,
        500,
        'Internal Server Error',
        error instanceof Error ? error.message : undefined,
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
