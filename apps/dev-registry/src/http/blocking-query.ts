import type { RegistryClock } from '../time/registry-clock';
import type { RaftIndex } from '../state/raft-index';
import { parseGoDuration } from './go-duration';
import { badRequest } from './http-error';

/** One evaluation of a blocking-capable read. */
export interface QueryResult<T> {
  readonly value: T;
  readonly index: number;
  /** The thing read does not exist (a missing KV key); see below. */
  readonly notFound?: boolean;
}

export const DEFAULT_QUERY_TIME_MS = 5 * 60_000;
export const MAX_QUERY_TIME_MS = 10 * 60_000;
const JITTER_FRACTION = 16;

export interface BlockingDeps {
  readonly raft: RaftIndex;
  readonly clock: RegistryClock;
  /** Random in [0, 1); injectable so tests can pin the jitter. */
  readonly random?: () => number;
}

/** `?index` and `?wait`, validated before anything runs, with Consul's 400 texts. */
export function parseBlockingParams(query: URLSearchParams): { minIndex: number; waitMs: number } {
  // Go's parseWait reads `wait` before `index`: with both invalid, `wait` is reported.
  const rawWait = query.get('wait');
  let waitMs = 0;
  if (rawWait !== null && rawWait !== '') {
    try {
      waitMs = parseGoDuration(rawWait) / 1e6;
    } catch {
      throw badRequest('Invalid wait time');
    }
  }
  const rawIndex = query.get('index');
  let minIndex = 0;
  if (rawIndex !== null && rawIndex !== '') {
    if (!/^\d+$/.test(rawIndex) || BigInt(rawIndex) > 18446744073709551615n)
      throw badRequest('Invalid index');
    minIndex = Number(rawIndex);
  }
  return { minIndex, waitMs };
}

/**
 * Consul's blocking query: without `index` (or with 0) answer at once;
 * otherwise answer as soon as the result's index passes `index`, or when the
 * wait runs out (default 5 min, at most 10, plus up to 1/16 jitter) with the
 * current result. A client index ahead of the server's blocks the full wait.
 * A result that was "not found" when the query started keeps blocking across
 * unrelated changes until the thing appears.
 */
export async function blockingQuery<T>(
  query: URLSearchParams,
  signal: AbortSignal,
  run: () => QueryResult<T>,
  { raft, clock, random = Math.random }: BlockingDeps,
): Promise<QueryResult<T>> {
  const { minIndex, waitMs } = parseBlockingParams(query);
  let result = run();
  if (minIndex === 0 || result.index > minIndex) return result;
  const startedNotFound = result.notFound === true;
  let timeout = waitMs <= 0 ? DEFAULT_QUERY_TIME_MS : Math.min(waitMs, MAX_QUERY_TIME_MS);
  timeout += random() * (timeout / JITTER_FRACTION);
  const deadline = Date.now() + clock.real(timeout);
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || signal.aborted) return result;
    await raft.nextChange(remaining, signal);
    if (signal.aborted) return result;
    result = run();
    if (startedNotFound && result.notFound) continue;
    if (result.index > minIndex) return result;
  }
}
