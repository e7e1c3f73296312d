import type { ProblemView } from '@junction/console-api';
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A refusal with an RFC 9457 body; thrown anywhere, answered by the filter or hook. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: readonly string[],
  ) {
    super(detail);
  }

  get view(): ProblemView {
    return problemView(this.status, this.detail, this.errors);
  }
}

export function problemView(
  status: number,
  detail: string,
  errors?: readonly string[],
): ProblemView {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** zod's issues as `path: message` lines, the way every 400 lists them. */
export const issueLines = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);

/** Parses with `schema` or throws a 400 naming each problem. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemError(400, `invalid ${what}`, issueLines(result.error));
}

/** What any thrown value becomes on the wire: client errors precise, server errors opaque. */
export function toProblemView(error: unknown): ProblemView {
  if (error instanceof ProblemError) return error.view;
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return problemView(statusCode, String((error as Error).message));
  }
  const status = (error as { getStatus?: () => number } | null)?.getStatus?.();
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problemView(status, String((error as Error).message));
  }
  return problemView(500, 'internal error');
}
