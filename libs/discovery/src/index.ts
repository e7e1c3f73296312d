export type { ServiceInstance, ServiceResolver } from './service-resolver.port';
export { StaticResolver } from './static/static.resolver';
export { isHostPort } from './static/host-port';
export type { Balancer } from './balancers/balancer.port';
export { RoundRobinBalancer } from './balancers/round-robin.balancer';
export type { CallOutcome } from './balancers/balancer.port';
export { P2cBalancer, type RandomSource } from './balancers/p2c.balancer';
export {
  ConsistentHashBalancer,
  type ConsistentHashOptions,
} from './balancers/consistent-hash.balancer';
export {
  OutlierEjection,
  type OutlierEjectionDeps,
  type OutlierHold,
} from './balancers/outlier-ejection';
export {
  outlierEjectionOverrideSchema,
  OUTLIER_EJECTION_DEFAULTS,
  type OutlierEjectionOptions,
  type OutlierEjectionSettings,
  type HoldReason,
} from './balancers/outlier-ejection.options';
export { liveEjection } from './balancers/live-ejection';
export { createBalancer, BALANCER_KINDS, type BalancerKind } from './balancers/balancer.factory';
export type { ResolutionState } from './service-resolver.port';
export { ConsulResolver, type ConsulResolverOptions } from './consul/consul.resolver';
export { consulHealthSource } from './consul/consul-health.source';
export type { HealthSource, HealthAnswer } from './consul/health-source.port';
export { HealthWatch, type HealthWatchOptions, type WatchState } from './consul/health-watch';
export type { BackoffPolicy } from './consul/backoff';
export {
  ServiceRegistration,
  instanceId,
  type RegistrationSpec,
  type RegistrationOptions,
} from './consul/service-registration';
export { consulClient } from './consul/consul-client';
export {
  upstreamResolver,
  serviceRegistration,
  type DiscoverySettings,
  type RegistrationSettings,
  type DiscoveryHooks,
  discoveryLogHooks,
  type StructuredLog,
  type ServiceIdentity,
} from './consul/discovery-setup';
export { KvConfigWatch, type KvConfigWatchOptions } from './consul/kv-config-watch';
export {
  runtimeConfig,
  type RuntimeConfig,
  type RuntimeConfigOptions,
  type RuntimeConfigLog,
  type RuntimeConfigObserver,
} from './consul/runtime-config';
export { consulKvSource } from './consul/consul-kv.source';
export type { KvSource, KvAnswer } from './consul/kv-source.port';
export {
  LeaderElection,
  type LeaderElectionOptions,
  type DemotionReason,
} from './consul/leader-election';
export { leaderTiming, type LeaderTiming, type LeaderTimingOptions } from './consul/leader-timing';
export type { SessionLoss } from './consul/leader-session';
export type {
  LeaderRegistry,
  LeaderSessionRequest,
  LockRead,
  LockState,
} from './consul/leader-registry.port';
export { consulLeaderRegistry } from './consul/leader-consul-registry';
