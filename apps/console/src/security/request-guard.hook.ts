import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemView } from '../http/problem';
import { bearerOf, cookieValue, tokenCookieName, tokenSetCookie } from './console-token';
import type { HostAllowList } from './host-allow-list';
import { secretMatches } from './secret-compare';

export interface RequestGuardOptions {
  readonly token: string;
  readonly hosts: HostAllowList;
  /** The port the API listens on (known once bound). */
  readonly port: () => number;
  /** On a non-loopback bind everything but liveness needs the token. */
  readonly tokenForReads: boolean;
  /**
   * Paths (and what is below them) whose reads need the token even on
   * loopback: who holds which API key is not for every local process.
   */
  readonly tokenForReadsUnder?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_PATHS = new Set(['/healthz']);
const LIVE_PATH = '/api/live';

const refuse = (reply: FastifyReply, status: number, detail: string): FastifyReply =>
  reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problemView(status, detail));

/** A page served by this console, over http or behind a TLS proxy, has this Origin. */
const sameOrigin = (origin: string, host: string | undefined): boolean =>
  origin === `http://${host}` || origin === `https://${host}`;

/**
 * The console's front door, before any route: a Host it does not know
 * (DNS rebinding) is refused; writes and the live stream must come from the
 * console's own origin (cookies on localhost are shared across ports, so
 * SameSite alone does not protect); writes need the token, by cookie or
 * bearer. `GET /?token=…` trades the token for an HttpOnly cookie.
 */
export function requestGuard(options: RequestGuardOptions) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    const port = options.port();
    const host = request.headers.host;
    if (!options.hosts.allows(host, port)) {
      return refuse(reply, 403, `Host ${host ?? '(none)'} is not one this console answers to`);
    }
    const url = new URL(request.url, 'http://console');
    const cookieName = tokenCookieName(port);
    if (request.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!secretMatches(url.searchParams.get('token') ?? '', options.token)) {
        return refuse(reply, 401, 'that is not this console’s token');
      }
      return reply
        .header('set-cookie', tokenSetCookie(cookieName, options.token))
        .redirect('/', 303);
    }

    const write = !SAFE_METHODS.has(request.method);
    const origin = request.headers.origin;
    if (
      (write || url.pathname === LIVE_PATH) &&
      origin !== undefined &&
      !sameOrigin(origin, host)
    ) {
      return refuse(reply, 403, `cross-origin request from ${origin} refused`);
    }
    const guardedRead =
      options.tokenForReads ||
      (options.tokenForReadsUnder ?? []).some(
        (path) => url.pathname === path || url.pathname.startsWith(`${path}/`),
      );
    if (OPEN_PATHS.has(url.pathname) || (!write && !guardedRead)) return undefined;

    const bearer = bearerOf(request.headers.authorization);
    if (bearer !== undefined) {
      if (secretMatches(bearer, options.token)) return undefined;
      return refuse(reply, 401, 'the bearer token is not this console’s token');
    }
    if (!secretMatches(cookieValue(request.headers.cookie, cookieName), options.token)) {
      return refuse(
        reply,
        401,
        'open the console with the URL that carries ?token=… first, or send Authorization: Bearer <token>',
      );
    }
    // A browser sends Origin with every write; a cookie without one is not the console's page.
    if (write && origin === undefined) {
      return refuse(reply, 403, 'a write with the cookie needs an Origin header');
    }
    return undefined;
  };
}
