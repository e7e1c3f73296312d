import { BadRequestException } from '@nestjs/common';

/**
 * `Idempotency-Key` is required on order creation: 1…255 visible ASCII
 * characters (a UUID is typical), so a retried POST can't create twice.
 */
export function parseIdempotencyKey(value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new BadRequestException({
      message: 'the Idempotency-Key header is required',
      reason: 'IDEMPOTENCY_KEY_MISSING',
    });
  }
  if (!/^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/.test(value)) {
    throw new BadRequestException({
      message: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
      reason: 'IDEMPOTENCY_KEY_INVALID',
    });
  }
  return value;
}
