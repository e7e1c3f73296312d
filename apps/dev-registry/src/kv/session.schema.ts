import { formatGoDuration, parseGoDuration } from '../http/go-duration';
import { DecodeError, decodeStrict, parseJsonText, type Schema } from '../http/strict-json';
import type { ServiceCheck, Session, SessionBehavior } from './session';

const ServiceCheckSchema: Schema = {
  name: 'ServiceCheck',
  fields: { ID: 'string', Namespace: 'string' },
};

const SessionSchema: Schema = {
  name: 'Session',
  fields: {
    ID: 'string',
    Name: 'string',
    Node: 'string',
    // Decoded by hand: Go's Session.UnmarshalJSON takes a string or a number.
    LockDelay: 'any',
    Behavior: 'string',
    TTL: 'string',
    NodeChecks: 'strings',
    ServiceChecks: { array: ServiceCheckSchema },
    Checks: 'strings',
    CreateIndex: 'uint64',
    ModifyIndex: 'uint64',
  },
};

export const SERF_HEALTH = 'serfHealth';
const DEFAULT_LOCK_DELAY_NS = 15e9;
/** Below this, a LockDelay is taken as seconds (lockDelayMinThreshold). */
const LOCK_DELAY_SECONDS_BELOW = 1000;
const SESSION_TTL_MIN_NS = 10e9;
const SESSION_TTL_MAX_NS = 24 * 3600e9;

export type SessionRequest = Omit<Session, 'id' | 'createIndex' | 'modifyIndex'>;

/**
 * The create body over the HTTP handler's defaults (agent node, serfHealth,
 * 15 s, release), then `fixupEmptySessionChecks`. An empty body means all
 * defaults.
 */
export function decodeSessionRequest(body: string, nodeName: string): SessionRequest {
  const sent = body.length > 0 ? decode(body) : {};
  let nodeChecks = (sent['NodeChecks'] as string[] | undefined) ?? [SERF_HEALTH];
  let checks = (sent['Checks'] as string[] | undefined) ?? [SERF_HEALTH];
  // Legacy `Checks` (pre-1.7): an empty list clears the default node check;
  // the untouched default defers to NodeChecks.
  if (checks.length === 0) nodeChecks = [];
  else if (checks.length === 1 && checks[0] === SERF_HEALTH) checks = [];
  else if (nodeChecks.length === 0) checks = [];
  return {
    name: (sent['Name'] as string | undefined) ?? '',
    node: (sent['Node'] as string | undefined) ?? nodeName,
    lockDelayNs: 'LockDelay' in sent ? lockDelay(sent['LockDelay']) : DEFAULT_LOCK_DELAY_NS,
    // An empty Behavior is the default, as in Session.Apply.
    behavior: ((sent['Behavior'] as string | undefined) || 'release') as SessionBehavior,
    ttl: (sent['TTL'] as string | undefined) ?? '',
    nodeChecks,
    serviceChecks: (sent['ServiceChecks'] as ServiceCheck[] | undefined) ?? null,
    checks,
  };
}

function decode(body: string): Record<string, unknown> {
  try {
    return decodeStrict(parseJsonText(body), SessionSchema);
  } catch (error) {
    // Consul CE rewords Enterprise-only fields (rewordUnknownEnterpriseFieldError).
    const message = (error as Error).message;
    if (message === 'json: unknown field "Namespace"')
      throw new DecodeError(`${message} - Namespaces are a Consul Enterprise feature`);
    if (message === 'json: unknown field "Partition"')
      throw new DecodeError(`${message} - Partitions are a Consul Enterprise feature`);
    throw error;
  }
}

/** A string duration or nanoseconds; under 1000 means seconds (so 15 → 15 s). */
function lockDelay(raw: unknown): number {
  let ns = 0;
  if (typeof raw === 'number') ns = Math.trunc(raw);
  else if (typeof raw === 'string') {
    try {
      ns = parseGoDuration(raw);
    } catch (error) {
      throw new DecodeError((error as Error).message);
    }
  }
  return ns < LOCK_DELAY_SECONDS_BELOW ? ns * 1e9 : ns;
}

/**
 * Session.Apply's checks, which fail as 500s: the node must be set, the
 * behavior known, and the TTL 0 or within [10s, 24h]. Returns the TTL in ns.
 */
export function validateSession(request: SessionRequest): number {
  if (request.node === '') throw new Error('Must provide Node');
  if (request.behavior !== 'release' && request.behavior !== 'delete')
    throw new Error(`Invalid Behavior setting '${request.behavior as string}'`);
  if (request.ttl === '') return 0;
  let ttl: number;
  try {
    ttl = parseGoDuration(request.ttl);
  } catch (error) {
    throw new Error(`Session TTL '${request.ttl}' invalid: ${(error as Error).message}`);
  }
  if (ttl !== 0 && (ttl < SESSION_TTL_MIN_NS || ttl > SESSION_TTL_MAX_NS)) {
    const range = `${formatGoDuration(SESSION_TTL_MIN_NS)}=${formatGoDuration(SESSION_TTL_MAX_NS)}`;
    throw new Error(`Invalid Session TTL '${Math.trunc(ttl)}', must be between [${range}]`);
  }
  return ttl;
}
