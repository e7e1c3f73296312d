/** What a session does to the keys it holds when invalidated. */
export type SessionBehavior = 'release' | 'delete';

export interface ServiceCheck {
  readonly ID: string;
  readonly Namespace: string;
}

/** A session as Consul's state store keeps it (structs.Session). */
export interface Session {
  readonly id: string;
  readonly name: string;
  readonly node: string;
  /** Nanoseconds, as given (clamped to 60 s only when applied). */
  readonly lockDelayNs: number;
  readonly behavior: SessionBehavior;
  /** The Go duration string as sent ('' for none). */
  readonly ttl: string;
  readonly nodeChecks: readonly string[];
  readonly serviceChecks: readonly ServiceCheck[] | null;
  /** Deprecated `Checks`; printed only when non-empty. */
  readonly checks: readonly string[];
  readonly createIndex: number;
  readonly modifyIndex: number;
}

/** Check IDs whose going critical or away invalidates the session. */
export const boundChecks = (session: Session): string[] => [
  ...session.nodeChecks,
  ...session.checks,
  ...(session.serviceChecks ?? []).map((check) => check.ID),
];

/** Consul's Session JSON, fields in Go struct order. */
export function sessionJson(session: Session): Record<string, unknown> {
  return {
    ID: session.id,
    Name: session.name,
    Node: session.node,
    LockDelay: session.lockDelayNs,
    Behavior: session.behavior,
    TTL: session.ttl,
    NodeChecks: session.nodeChecks,
    ServiceChecks: session.serviceChecks,
    ...(session.checks.length > 0 ? { Checks: session.checks } : {}),
    CreateIndex: session.createIndex,
    ModifyIndex: session.modifyIndex,
  };
}
