import type { IncomingMessage, ServerResponse } from 'node:http';
import { DecodeError } from './strict-json';
import { HttpError } from './http-error';
import type { Reply } from './reply';

export interface RequestContext {
  readonly method: string;
  /** For a prefix route (`/v1/kv/`), the decoded rest of the path; '' otherwise. */
  readonly param: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** The request body as text (read once, on demand). */
  body(): Promise<string>;
  bodyBytes(): Promise<Buffer>;
  /** Aborted when the client goes away (ends blocking queries early). */
  readonly signal: AbortSignal;
}

export type Handler = (context: RequestContext) => Promise<Reply> | Reply;

interface Route {
  readonly path: string;
  readonly prefix: boolean;
  readonly methods: readonly string[];
  readonly handler: Handler;
}

const ENTERPRISE = [
  ['ns', 'X-Consul-Namespace', 'Namespaces'],
  ['partition', 'X-Consul-Partition', 'Partitions'],
] as const;

/**
 * Consul's HTTP routing, reproduced: ServeMux-style longest-prefix routes,
 * 405 with `Allow`, OPTIONS, its 404 texts, Enterprise-only parameters
 * refused, and errors as plain text with Consul's status mapping.
 */
export class Router {
  private readonly routes: Route[] = [];

  /** `path` ending in '/' is a prefix route whose rest becomes `param`. */
  handle(path: string, methods: readonly string[], handler: Handler): void {
    this.routes.push({ path, prefix: path.endsWith('/'), methods, handler });
  }

  async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://registry');
    const route = this.match(url.pathname);
    res.setHeader('X-Consul-Default-ACL-Policy', 'allow');
    if (!route) {
      const text = url.pathname.includes('/v1/')
        ? 'Invalid URL path: not a recognized HTTP API endpoint\n'
        : "Invalid URL path: if attempting to use the HTTP API, ensure the path starts with '/v1/'\n";
      return this.text(res, 404, text);
    }
    const allow = ['OPTIONS', ...route.methods].join(',');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(200, { Allow: allow }).end();
      return;
    }
    if (!route.methods.includes(method)) {
      res.setHeader('Allow', allow);
      return this.text(res, 405, `method ${method} not allowed`);
    }
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    let bytes: Promise<Buffer> | undefined;
    const bodyBytes = () => (bytes ??= readBody(req));
    const context: RequestContext = {
      method,
      param: route.prefix ? safeDecode(url.pathname.slice(route.path.length)) : '',
      query: url.searchParams,
      headers: req.headers,
      bodyBytes,
      body: async () => (await bodyBytes()).toString('utf8'),
      signal: controller.signal,
    };
    try {
      refuseEnterprise(context);
      this.write(res, await route.handler(context), url.searchParams.has('pretty'));
    } catch (error) {
      if (error instanceof HttpError) {
        if (!res.headersSent) {
          for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
        }
        return this.text(res, error.status, error.message);
      }
      if (error instanceof DecodeError)
        return this.text(res, 400, `Request decode failed: ${error.message}`);
      return this.text(res, 500, error instanceof Error ? error.message : String(error));
    }
  }

  private match(path: string): Route | undefined {
    let best: Route | undefined;
    for (const route of this.routes) {
      const hit = route.prefix ? path.startsWith(route.path) : path === route.path;
      if (hit && (!best || route.path.length > best.path.length)) best = route;
    }
    return best;
  }

  private write(res: ServerResponse, reply: Reply, pretty: boolean): void {
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.raw) {
      res
        .writeHead(reply.status ?? 200, { 'Content-Type': reply.raw.contentType })
        .end(reply.raw.body);
    } else if (reply.json !== undefined) {
      const body = pretty ? JSON.stringify(reply.json, null, 4) : JSON.stringify(reply.json);
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' }).end(body);
    } else {
      res.writeHead(reply.status ?? 200).end();
    }
  }

  private text(res: ServerResponse, status: number, body: string): void {
    if (res.headersSent) return void res.end();
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
  }
}

function refuseEnterprise({ query, headers }: RequestContext): void {
  for (const [param, header, feature] of ENTERPRISE) {
    if (query.get(param)) {
      throw new HttpError(
        400,
        `Invalid query parameter: "${param}" - ${feature} are a Consul Enterprise feature`,
      );
    }
    if (headers[header.toLowerCase()]) {
      throw new HttpError(
        400,
        `Invalid header: "${header}" - ${feature} are a Consul Enterprise feature`,
      );
    }
  }
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
