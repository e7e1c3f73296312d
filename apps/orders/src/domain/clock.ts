/**
 * Wall-clock time in epoch milliseconds. Injected wherever time matters (ids,
 * create times, idempotency expiry) so tests can move it, even backwards.
 */
export abstract class Clock {
  abstract now(): number;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
