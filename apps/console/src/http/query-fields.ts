import { z } from 'zod';

// Query-string fields: an empty value means "not given" (forms send them),
// a repeated one is an error rather than a silent pick.

const single = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .refine((value) => !Array.isArray(value), 'given more than once')
    .transform((value) => (value === '' ? undefined : value))
    .pipe(schema);

/** Free text up to `max` characters. */
export const textParam = (max: number) => single(z.string().max(max).optional());

export const enumParam = <const V extends readonly [string, ...string[]]>(values: V) =>
  single(z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());

export const numberParam = (min: number, max: number) =>
  single(z.coerce.number({ error: 'must be a number' }).min(min).max(max).optional());

export const limitParam = (fallback: number, max: number) =>
  single(z.coerce.number({ error: 'must be an integer' }).int().min(1).max(max).default(fallback));

/** A 16-byte id in lowercase hex, as the API writes trace ids. */
export const TRACE_ID_PATTERN = /^[0-9a-f]{32}$/;

export const traceIdParam = single(
  z.string().regex(TRACE_ID_PATTERN, 'must be 32 lowercase hex digits').optional(),
);
