import { status as Status, type Metadata } from '@grpc/grpc-js';
import { retryInfoDelayMs, STATUS_DETAILS_KEY } from './retry-info';

/** Trailer a Junction service sets to say *why* beyond the status code. */
export const ERROR_REASON_KEY = 'junction-error-reason';

/**
 * Codes whose details are written for the caller (validation, not found,
 * conflicts). Other codes describe infrastructure; their details can hold
 * internal addresses and stay in logs, unless a Junction service set a
 * reason: its StatusErrors are worded for callers (`catalog unavailable`).
 */
const CALLER_FACING = new Set<Status>([
  Status.INVALID_ARGUMENT,
  Status.NOT_FOUND,
  Status.ALREADY_EXISTS,
  Status.FAILED_PRECONDITION,
  Status.ABORTED,
  Status.OUT_OF_RANGE,
]);

/** gRPC's server pushback trailer: wait this many ms before calling again. */
export const PUSHBACK_KEY = 'grpc-retry-pushback-ms';

export interface GrpcCallErrorOptions {
  readonly local?: boolean;
  readonly retryAfterMs?: number;
  /** Text safe to show API consumers, for errors this library words itself. */
  readonly publicDetail?: string;
}

/** A failed upstream call, classified by gRPC status code. */
export class GrpcCallError extends Error {
  override readonly name = 'GrpcCallError';

  /** Raised by this client itself, without an answer from the upstream. */
  readonly local: boolean;
  /** The upstream asked its callers to hold off this long (pushback). */
  readonly retryAfterMs?: number;
  private readonly ownPublicDetail?: string;

  constructor(
    readonly code: Status,
    /** The upstream's own text; may name internal hosts. Log it, don't show it. */
    readonly details: string,
    readonly upstream: string,
    readonly path: string,
    /** Machine-readable reason from the `junction-error-reason` trailer. */
    readonly reason?: string,
    options: GrpcCallErrorOptions = {},
  ) {
    super(`${path} on ${upstream} failed: ${Status[code]}: ${details}`);
    this.local = options.local ?? false;
    this.retryAfterMs = options.retryAfterMs;
    // Text this library wrote itself names no internal host: it is public.
    this.ownPublicDetail = options.publicDetail ?? (this.local ? details : undefined);
  }

  /** What may be shown to an API consumer. */
  get publicDetail(): string {
    if (this.ownPublicDetail) return this.ownPublicDetail;
    // A Junction service that names a reason words its message for callers.
    if (CALLER_FACING.has(this.code) || this.reason !== undefined) return this.details;
    return `${this.upstream} failed: ${Status[this.code].toLowerCase().replace(/_/g, ' ')}`;
  }

  static fromServiceError(
    error: { code?: number; details?: string; message?: string; metadata?: Metadata },
    upstream: string,
    path: string,
  ): GrpcCallError {
    const code = typeof error.code === 'number' ? (error.code as Status) : Status.UNKNOWN;
    const reason = error.metadata?.get(ERROR_REASON_KEY)[0];
    return new GrpcCallError(
      code,
      error.details ?? error.message ?? '',
      upstream,
      path,
      reason === undefined ? undefined : String(reason),
      { retryAfterMs: pushbackOf(error.metadata) },
    );
  }

  /**
   * A failure this client raised without calling the upstream (nothing to
   * dial, breaker open, bulkhead full, budget spent). Its text is public, and
   * it never counts against the upstream's health.
   */
  static local(
    code: Status,
    details: string,
    call: { readonly upstream: string; readonly path: string },
    reason?: string,
    retryAfterMs?: number,
  ): GrpcCallError {
    return new GrpcCallError(code, details, call.upstream, call.path, reason, {
      local: true,
      retryAfterMs,
    });
  }

  /**
   * The upstream is unavailable as discovery sees it (no instance to call).
   * Not local: the upstream is down, and its breaker should know.
   */
  static unavailable(
    details: string,
    upstream: string,
    path: string,
    reason = 'NO_INSTANCES',
  ): GrpcCallError {
    return new GrpcCallError(Status.UNAVAILABLE, details, upstream, path, reason, {
      publicDetail: details,
    });
  }
}

/**
 * How long the upstream asked callers to wait: gRPC's retry pushback trailer
 * (`grpc-retry-pushback-ms`, gRFC A6), else a google.rpc.RetryInfo in the
 * rich status details, else an HTTP `Retry-After` in seconds (a proxy's 429
 * or 503). Malformed or negative values are ignored.
 */
function pushbackOf(metadata: Metadata | undefined): number | undefined {
  if (!metadata) return undefined;
  const pushback = metadata.get(PUSHBACK_KEY)[0];
  if (pushback !== undefined && /^\d{1,9}$/.test(String(pushback))) return Number(pushback);
  const details = metadata.get(STATUS_DETAILS_KEY)[0];
  const retryInfo = details instanceof Buffer ? retryInfoDelayMs(details) : undefined;
  if (retryInfo !== undefined) return retryInfo;
  const retryAfter = metadata.get('retry-after')[0];
  if (retryAfter !== undefined && /^\d{1,6}$/.test(String(retryAfter)))
    return Number(retryAfter) * 1000;
  return undefined;
}
