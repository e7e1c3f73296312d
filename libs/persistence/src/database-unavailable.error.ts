/** gRPC's UNAVAILABLE, without importing a gRPC library into this core. */
const GRPC_UNAVAILABLE = 14;

/**
 * The database cannot be reached or refused to serve (it is down, starting,
 * shutting down, out of connections, or a statement ran out of time). It
 * carries its gRPC status, which @junction/grpc-server answers with, so a
 * caller gets UNAVAILABLE DATABASE_UNAVAILABLE (HTTP 503 at the gateway)
 * instead of INTERNAL; a retry later may well succeed.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly grpcCode = GRPC_UNAVAILABLE;
  readonly reason = 'DATABASE_UNAVAILABLE';
  /** What the caller is told; the cause (addresses, driver text) is only logged. */
  readonly publicMessage = 'the database is unavailable; try again shortly';

  constructor(cause: unknown) {
    super(`database unavailable: ${describe(cause)}`, { cause });
  }
}

/**
 * The one list of failures that mean "the database is not serving", as
 * opposed to a statement that is wrong (a bug) or a constraint (a rule):
 * - SQLSTATE class 08 (connection exception), 57P01-57P03 (admin or crash
 *   shutdown, cannot connect now), 53300 (too many connections), 57014
 *   (canceled: the statement timeout), 25006 (read-only: a failover in
 *   progress put us on a replica);
 * - socket failures under node-postgres;
 * - node-postgres's own words for a lost or never-made connection.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25006']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /Query read timeout/,
  /^Client was closed and is not queryable/,
];

interface ErrorLike {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly errors?: unknown;
}

// Shape, not instanceof: socket errors may come from another realm (a test
// sandbox), and drivers throw their own classes.
const asErrorLike = (error: unknown): ErrorLike | undefined =>
  typeof error === 'object' && error !== null ? (error as ErrorLike) : undefined;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const failure = asErrorLike(error);
  if (!failure) return false;
  const { code, message, errors } = failure;
  if (typeof code === 'string') {
    if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code)) {
      return true;
    }
  }
  // Several addresses tried at once fail together (Node's happy eyeballs).
  if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  return typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

function describe(cause: unknown): string {
  const failure = asErrorLike(cause);
  if (!failure) return String(cause);
  const message =
    typeof failure.message === 'string' && failure.message ? failure.message : 'connection failed';
  return typeof failure.code === 'string' ? `${message} (${failure.code})` : message;
}
