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
