import type { RaftIndex } from './state/raft-index';
import type { CheckEvents } from './state/check-events';
import type { RegistryClock } from './time/registry-clock';

/** The one node this single-process registry is, like `consul agent -dev`. */
export interface NodeIdentity {
  readonly name: string;
  readonly id: string;
  readonly address: string;
  readonly datacenter: string;
}

/** What every area of the registry shares. */
export interface RegistryDeps {
  readonly raft: RaftIndex;
  readonly clock: RegistryClock;
  readonly node: NodeIdentity;
  readonly checkEvents: CheckEvents;
}

/** An area's background work (timers, probes), stopped on shutdown. */
export interface Mounted {
  close(): void;
}
