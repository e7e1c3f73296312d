/** What a session is created with (Consul's /v1/session/create body). */
export interface LeaderSessionRequest {
  /** `<key> leader`, so an operator can tell what a session is for. */
  readonly name: string;
  /** Go durations as the registry reads them, e.g. "15s". */
  readonly ttl: string;
  readonly lockDelay: string;
}

/** The lock key as a blocking read saw it. */
export interface LockState {
  /** X-Consul-Index of the answer: the key's ModifyIndex, or the KV index when it is gone. */
  readonly index: bigint;
  /** False when the key does not exist (404). */
  readonly exists: boolean;
  /** The session holding the lock, if any. */
  readonly holder?: string;
}

export interface LockRead {
  /** 0n: answer at once. */
  readonly index: bigint;
  /** How long the registry may hold the read (Go duration). */
  readonly wait: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/**
 * The registry operations a leader election needs (Consul's sessions and
 * KV locks). Every call rejects on a transport failure or an unexpected
 * answer; the two expected "no" answers are values: renewSession resolves
 * false when the session is gone (404), acquire/release false when refused.
 */
export interface LeaderRegistry {
  createSession(request: LeaderSessionRequest, timeoutMs: number): Promise<string>;
  renewSession(id: string, timeoutMs: number): Promise<boolean>;
  destroySession(id: string, timeoutMs: number): Promise<void>;
  acquire(key: string, session: string, value: string, timeoutMs: number): Promise<boolean>;
  release(key: string, session: string, timeoutMs: number): Promise<boolean>;
  readLock(key: string, read: LockRead): Promise<LockState>;
}
