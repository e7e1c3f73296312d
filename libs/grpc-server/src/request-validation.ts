import type { z } from 'zod';
import { invalidArgument } from './status.error';

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );

/**
 * Checks a decoded request against a schema; on failure, INVALID_ARGUMENT
 * naming each field and rule (`items[0].quantity: must be 1 to 1000`).
 */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.output<S> {
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message,
  );
  throw invalidArgument(problems.join('; '), 'INVALID_REQUEST');
}
