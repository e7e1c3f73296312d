import { Inject } from '@nestjs/common';
import type { GrpcClient } from '@junction/grpc-client';
import type { UPSTREAMS, UpstreamName } from './upstreams.declaration';

export const SERVICE_RESOLVER = Symbol('SERVICE_RESOLVER');

/** The typed client of one declared upstream. */
export type UpstreamClient<N extends UpstreamName> = GrpcClient<
  (typeof UPSTREAMS)[N]['definition']
>;

/** The injection token of an upstream's client: derived from its name, so no registry of tokens. */
export const upstreamToken = <N extends UpstreamName>(name: N) => `upstream:${name}` as const;

/** Injects the client of one upstream, e.g. `@InjectUpstream('catalog')`. */
export const InjectUpstream = (name: UpstreamName) => Inject(upstreamToken(name));
