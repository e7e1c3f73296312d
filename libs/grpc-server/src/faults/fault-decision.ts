import { Status, StatusError } from '../status.error';
import { PUSHBACK_CODES, type FaultConfig } from './fault-config.schema';

/** Uniform in [0, 1), like Math.random; injected so tests can script it. */
export type RandomSource = () => number;

/** The call a decision is made for. */
export interface FaultTarget {
  /** The RPC's name, e.g. GetProduct. */
  readonly method: string;
  /** This process's registry instance id; none without a registry. */
  readonly instanceId?: string;
}

/** What to do to one call: wait, then fail instead of running the handler, or run it. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly error?: StatusError;
}

/** Says which injected failures are which, for callers, logs and tests. */
export const INJECTED_FAULT = 'INJECTED_FAULT';

const applies = (config: FaultConfig, { method, instanceId }: FaultTarget): boolean =>
  (config.methods === undefined || config.methods.includes(method)) &&
  (config.instances === undefined ||
    (instanceId !== undefined && config.instances.includes(instanceId)));

/** The faults one call gets under `config`, or undefined for none. */
export function decideFault(
  config: FaultConfig,
  target: FaultTarget,
  random: RandomSource,
): FaultDecision | undefined {
  if (!applies(config, target)) return undefined;
  const fails = config.errorRate > 0 && random() < config.errorRate;
  const jitter = config.latencyJitterMs > 0 ? Math.round(random() * config.latencyJitterMs) : 0;
  const delayMs = config.latencyMs + jitter;
  if (!fails && delayMs === 0) return undefined;
  return fails ? { delayMs, error: injectedError(config, target.method) } : { delayMs };
}

function injectedError(config: FaultConfig, method: string): StatusError {
  const pushback = PUSHBACK_CODES.has(config.errorCode) ? config.pushbackMs : undefined;
  return new StatusError(
    Status[config.errorCode],
    `injected fault: ${config.errorCode} on ${method}`,
    INJECTED_FAULT,
    { retryAfterMs: pushback },
  );
}
