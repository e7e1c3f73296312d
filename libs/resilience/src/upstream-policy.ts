import {
  liveEjection,
  outlierEjectionOverrideSchema,
  type OutlierEjectionOptions,
} from '@junction/discovery';
import type { Middleware } from '@junction/grpc-client';
import type { z } from 'zod';
import { clientPolicyOverrideSchema, type ClientPolicy } from './policy/client-policy.schema';
import { livePolicy } from './policy/policy-override';
import type { ResilienceEvents } from './resilience-events';
import { resilientChain, type ResilientChain, type ResilientChainOptions } from './resilient-chain';

/**
 * What live config may change for one upstream: any client policy field and
 * its outlier ejection, each over the base (no defaults of its own).
 */
export const upstreamOverrideSchema = clientPolicyOverrideSchema
  .extend({ ejection: outlierEjectionOverrideSchema.optional() })
  .strict();
export type UpstreamOverride = z.output<typeof upstreamOverrideSchema>;

export interface UpstreamPolicyOptions {
  /** The typed defaults, before live changes. */
  readonly base: ClientPolicy;
  /** Ops' current changes; read per call, merged only when they change. */
  readonly override: () => UpstreamOverride | undefined;
  readonly events?: ResilienceEvents;
  /** See ResilientChainOptions.switches. */
  readonly switches?: readonly Middleware[];
  /** See ResilientChainOptions.instruments. */
  readonly instruments?: readonly Middleware[];
  /** See ResilientChainOptions.breakerForce. */
  readonly breakerForce?: ResilientChainOptions['breakerForce'];
  /** Ejection options under the live changes (e.g. a cap from env, an onEject hook). */
  readonly ejection?: OutlierEjectionOptions;
}

/** One upstream's chain, and the live options of its balancer's outlier ejection. */
export interface UpstreamPolicy extends ResilientChain {
  readonly ejection: () => OutlierEjectionOptions;
}

/** Everything an app needs to call one upstream resiliently, from one live config. */
export function upstreamPolicy({
  base,
  override,
  events,
  switches,
  instruments,
  breakerForce,
  ejection = {},
}: UpstreamPolicyOptions): UpstreamPolicy {
  return {
    ...resilientChain({
      policy: livePolicy(base, override),
      events,
      switches,
      instruments,
      breakerForce,
    }),
    ejection: liveEjection(ejection, () => override()?.ejection),
  };
}
