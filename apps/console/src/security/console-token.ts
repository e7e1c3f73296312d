import { parse, serialize } from 'cookie';
import { randomBytes } from 'node:crypto';

/** CONSOLE_TOKEN when set, else a fresh one for this run (the launcher prints its URL). */
export const consoleToken = (configured: string | undefined): string =>
  configured ?? randomBytes(24).toString('base64url');

/** Cookies on localhost are shared across ports: the name carries the port. */
export const tokenCookieName = (port: number): string => `junction_console_${port}`;

/** The token in `Authorization: Bearer …`, if that is what the header holds. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The value of cookie `name` in a Cookie header. */
export const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header ? parse(header)[name] : undefined;

/**
 * The Set-Cookie header that holds the token: HttpOnly (no script reads
 * it), SameSite=Strict (no other site's page sends it).
 */
export const tokenSetCookie = (name: string, token: string): string =>
  serialize(name, token, { path: '/', httpOnly: true, sameSite: 'strict' });
