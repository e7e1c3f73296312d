import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ProblemError } from '../http/problem';
import type { OtlpEncoding } from './otlp-decode';

const gunzipAsync = promisify(gunzip);

/** The encoding a Content-Type names, or a 415. */
export function encodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf') return 'protobuf';
  throw new ProblemError(
    415,
    `Content-Type must be application/json or application/x-protobuf, got ${type || 'none'}`,
  );
}

/**
 * The body as sent, gunzipped when Content-Encoding says gzip. The limit
 * holds for the inflated size too, so a small gzip bomb is a 413 like a
 * large body.
 */
export async function inflate(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  if (encoding !== 'gzip') {
    throw new ProblemError(415, `Content-Encoding must be gzip or identity, got ${encoding}`);
  }
  try {
    return await gunzipAsync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ProblemError(413, `inflated body is over ${maxBytes} bytes`);
    }
    throw new ProblemError(400, `malformed gzip body: ${(error as Error).message}`);
  }
}
