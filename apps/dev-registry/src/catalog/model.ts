/** What the agent and catalog keep, shaped after Consul's structs. */

export type CheckStatus = 'passing' | 'warning' | 'critical';

export const CHECK_STATUSES: readonly string[] = ['passing', 'warning', 'critical'];

export interface ServiceAddress {
  readonly Address: string;
  readonly Port: number;
}

/** A validated CheckType; durations in nanoseconds, 0 when unset. */
export interface CheckDefinition {
  readonly CheckID: string;
  readonly Name: string;
  readonly Status: string;
  readonly Notes: string;
  readonly ScriptArgs: readonly string[];
  readonly HTTP: string;
  readonly Header: Readonly<Record<string, readonly string[]>>;
  readonly Method: string;
  readonly Body: string;
  readonly DisableRedirects: boolean;
  readonly TCP: string;
  readonly UDP: string;
  readonly GRPC: string;
  readonly GRPCUseTLS: boolean;
  readonly H2PING: string;
  readonly AliasNode: string;
  readonly AliasService: string;
  readonly DockerContainerID: string;
  readonly OSService: string;
  readonly TLSServerName: string;
  readonly TLSSkipVerify: boolean;
  readonly Interval: number;
  readonly Timeout: number;
  readonly TTL: number;
  readonly DeregisterCriticalServiceAfter: number;
  readonly SuccessBeforePassing: number;
  readonly FailuresBeforeWarning: number;
  readonly FailuresBeforeCritical: number;
  readonly OutputMaxSize: number;
}

/** A service as registered with the agent (NodeService minus mesh fields). */
export interface ServiceRecord {
  readonly ID: string;
  readonly Service: string;
  readonly Tags: readonly string[];
  readonly Address: string;
  readonly Port: number;
  /** null when none was registered (health output shows it so). */
  readonly Meta: Readonly<Record<string, string>> | null;
  readonly TaggedAddresses: Readonly<Record<string, ServiceAddress>>;
  readonly Weights: { readonly Passing: number; readonly Warning: number };
  readonly EnableTagOverride: boolean;
  /** Catalog raft indexes. */
  createIndex: number;
  modifyIndex: number;
}

/** A check on this node: the agent's view and what the catalog was last told. */
export interface CheckRecord {
  readonly CheckID: string;
  readonly Name: string;
  readonly Notes: string;
  ServiceID: string;
  ServiceName: string;
  ServiceTags: readonly string[];
  readonly Type: string;
  readonly Interval: string;
  readonly Timeout: string;
  /** Local (agent) status and output. */
  status: CheckStatus;
  output: string;
  /** The catalog's copy of the output; lags behind on output-only changes (§3.6). */
  catalogOutput: string;
  createIndex: number;
  modifyIndex: number;
  /** Wall-clock ms of the first critical update since registration; undefined when not critical. */
  criticalSince?: number;
  readonly definition: CheckDefinition;
}
