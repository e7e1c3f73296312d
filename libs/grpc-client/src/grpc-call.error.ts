import { status as Status, type Metadata } from '@grpc/grpc-js';

/** Trailer a Junction service sets to say *why* beyond the status code. */
export const ERROR_REASON_KEY = 'junction-error-reason';

/**
 * Codes whose details are written for the caller (validation, not found,
 * conflicts). Other codes describe infrastructure; their details can hold
 * internal addresses and stay in logs.
 */
const CALLER_FACING = new Set<Status>([
  Status.INVALID_ARGUMENT,
  Status.NOT_FOUND,
  Status.ALREADY_EXISTS,
  Status.FAILED_PRECONDITION,
  Status.ABORTED,
  Status.OUT_OF_RANGE,
]);

/** A failed upstream call, classified by gRPC status code. */
export class GrpcCallError extends Error {
  override readonly name = 'GrpcCallError';

  constructor(
    readonly code: Status,
    /** The upstream's own text; may name internal hosts. Log it, don't show it. */
    readonly details: string,
    readonly upstream: string,
    readonly path: string,
    /** Machine-readable reason from the `junction-error-reason` trailer. */
    readonly reason?: string,
    /** Set by errors this library raises itself, whose text is safe to show. */
    private readonly ownPublicDetail?: string,
  ) {
    super(`${path} on ${upstream} failed: ${Status[code]}: ${details}`);
  }

  /** What may be shown to an API consumer. */
  get publicDetail(): string {
    if (this.ownPublicDetail) return this.ownPublicDetail;
    if (CALLER_FACING.has(this.code)) return this.details;
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
    );
  }

  /** A failure raised before any call was made (nothing to dial); its text is public. */
  static unavailable(details: string, upstream: string, path: string): GrpcCallError {
    return new GrpcCallError(Status.UNAVAILABLE, details, upstream, path, undefined, details);
  }
}
