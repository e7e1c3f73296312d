import type { CheckDefinition, CheckStatus } from '../model';

export interface ProbeResult {
  readonly status: CheckStatus;
  readonly output: string;
}

/** One probe of an interval check; resolves (never rejects) with the result. */
export type Probe = (check: CheckDefinition, signal: AbortSignal) => Promise<ProbeResult>;

/** Consul's default probe timeout. Network time: never scaled by the registry clock. */
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export const probeTimeoutMs = (check: CheckDefinition): number =>
  check.Timeout > 0 ? check.Timeout / 1e6 : DEFAULT_PROBE_TIMEOUT_MS;

/**
 * The probe's own deadline joined with the check's stop signal. A timer we hold
 * (cleared by `done`) rather than AbortSignal.any([.., AbortSignal.timeout()]):
 * Node 20 lets a timeout signal that only a composite refers to be garbage
 * collected, and then the deadline never fires (nodejs/node#57736) — a hanging
 * endpoint would stay passing.
 */
export function probeDeadline(
  stop: AbortSignal,
  timeoutMs: number,
): { readonly signal: AbortSignal; readonly timedOut: () => boolean; readonly done: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const onStop = () => controller.abort(stop.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('probe timeout'));
  }, timeoutMs);
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
    },
  };
}

/** Node's socket error codes in the words Go's net package uses. */
const GO_NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connect: connection refused',
  ECONNRESET: 'read: connection reset by peer',
  EHOSTUNREACH: 'connect: no route to host',
  ENETUNREACH: 'connect: network is unreachable',
  ETIMEDOUT: 'i/o timeout',
  ENOTFOUND: 'no such host',
};

/** `dial tcp <addr>: connect: connection refused`, as Go prints a dial error. */
export function goDialError(address: string, error: NodeJS.ErrnoException): string {
  const reason = GO_NET_ERRORS[error.code ?? ''] ?? error.message;
  return `dial tcp ${address}: ${reason}`;
}
