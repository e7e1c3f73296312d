import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers on every answer of the UI/API port. The CSP allows only the
 * console's own scripts, so markup smuggled in through telemetry cannot
 * run even if something rendered it as HTML; no-referrer keeps the
 * `?token=` URL out of Referer headers.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

/** An onRequest hook: set before any route or refusal answers. */
export async function securityHeaders(
  _request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  void reply.headers(SECURITY_HEADERS);
}
