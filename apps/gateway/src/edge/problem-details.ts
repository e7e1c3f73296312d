import { HttpException } from '@nestjs/common';
import { GrpcCallError } from '@junction/grpc-client';
import { STATUS_CODES } from 'node:http';
import { httpStatusForGrpc } from './grpc-status.table';

/** RFC 9457 problem details, as every error response's body. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Machine-readable cause, e.g. INSUFFICIENT_STOCK. */
  readonly reason?: string;
  /** Per-field problems of an invalid request. */
  readonly errors?: readonly string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const problem = (
  status: number,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails => ({
  type: 'about:blank',
  title: STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  ...extra,
});

const isClientStatus = (value: unknown): value is number =>
  typeof value === 'number' && value >= 400 && value < 500;

/** Words of an HttpException's response, whatever shape Nest gave it. */
function describeHttpException(error: HttpException): Partial<ProblemDetails> & { detail: string } {
  const response = error.getResponse();
  if (typeof response === 'string') return { detail: response };
  const body = response as { message?: unknown; errors?: unknown; reason?: unknown };
  const errors = Array.isArray(body.errors) ? body.errors.map(String) : undefined;
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : String(body.message ?? error.message);
  return {
    detail: message,
    ...(errors ? { errors } : {}),
    ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
  };
}

/**
 * What any thrown value means to an API consumer. Client errors say
 * precisely what was wrong; server errors say which part failed and nothing
 * of stacks or internal addresses.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof GrpcCallError) {
    return problem(
      httpStatusForGrpc(error.code, error.reason),
      error.publicDetail,
      error.reason ? { reason: error.reason } : {},
    );
  }
  if (error instanceof HttpException) {
    const { detail, ...extra } = describeHttpException(error);
    return problem(error.getStatus(), detail, extra);
  }
  // Fastify's own request errors (body too large, bad content type, …)
  // carry a 4xx statusCode and a message written for clients.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (isClientStatus(statusCode)) {
    return problem(statusCode, String((error as Error).message));
  }
  return problem(500, 'internal error');
}

/**
 * Seconds a client should wait before trying again, for answers that mean
 * "not now" (429, 503): the upstream's own pushback or the breaker's pause
 * when known, else one second.
 */
export function retryAfterSeconds(error: unknown, status: number): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  const ms = error instanceof GrpcCallError ? error.retryAfterMs : undefined;
  return Math.max(1, Math.ceil((ms ?? 1000) / 1000));
}
