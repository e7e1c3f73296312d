import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import { upstreamResolver, type ServiceResolver } from '@junction/discovery';
import { connectUpstream, createTransport, type UnaryTransport } from '@junction/grpc-client';
import { discoveryMetrics } from '@junction/metrics';
import {
  forcedStateOf,
  watchBreakerForces,
  type BreakerForces,
  type UpstreamPolicy,
} from '@junction/resilience';
import { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { gatewayClientChain } from './gateway-client-chain';
import type { UpstreamSettings } from './upstream-settings';
import { SERVICE_RESOLVER, upstreamToken } from './upstream.tokens';
import { UPSTREAM_NAMES, UPSTREAMS, perUpstream, type UpstreamName } from './upstreams.declaration';

const UPSTREAM_SETTINGS = Symbol('UPSTREAM_SETTINGS');
const TRANSPORT = Symbol('TRANSPORT');
/** Each upstream's resilient chain (its breakers are this gateway's, per upstream). */
const CLIENT_CHAINS = Symbol('CLIENT_CHAINS');
type ClientChains = Readonly<Record<UpstreamName, UpstreamPolicy>>;
/** Ops' forced breaker states, one KV watch per upstream. */
const BREAKER_FORCES = Symbol('BREAKER_FORCES');

const upstreamClient = (upstream: UpstreamName): Provider => ({
  provide: upstreamToken(upstream),
  inject: [SERVICE_RESOLVER, TRANSPORT, UPSTREAM_SETTINGS, CLIENT_CHAINS],
  useFactory: (
    resolver: ServiceResolver,
    transport: UnaryTransport,
    settings: UpstreamSettings,
    chains: ClientChains,
  ) =>
    connectUpstream(UPSTREAMS[upstream].definition, {
      middleware: chains[upstream].middleware,
      upstream,
      resolver,
      transport,
      defaultTimeoutMs: settings.timeoutMs,
      balancer: settings.balancers[upstream],
      ejection: chains[upstream].ejection,
    }),
});

/**
 * Typed clients for every upstream, sharing one resolver and one transport;
 * each has its own balancer and ejections.
 */
@Module({})
export class UpstreamsModule implements OnModuleDestroy {
  constructor(
    @Inject(TRANSPORT) private readonly transport: UnaryTransport,
    @Inject(SERVICE_RESOLVER) private readonly resolver: ServiceResolver,
    @Inject(CLIENT_CHAINS) private readonly chains: ClientChains,
    @Inject(BREAKER_FORCES) private readonly breakerForces: BreakerForces,
  ) {}

  static register(settings: UpstreamSettings): DynamicModule {
    return {
      module: UpstreamsModule,
      global: true,
      providers: [
        { provide: UPSTREAM_SETTINGS, useValue: settings },
        {
          provide: SERVICE_RESOLVER,
          inject: [GatewayMetrics],
          useFactory: (metrics: GatewayMetrics) => {
            const log = new Logger('Discovery');
            const resolver = upstreamResolver(
              settings.discovery,
              UPSTREAM_NAMES,
              () => settings.addresses,
              {
                onError: (message, error) => log.warn(`${message}: ${String(error)}`),
                onInfo: (message, fields) => log.log(`${message} ${JSON.stringify(fields)}`),
              },
            );
            discoveryMetrics(metrics.registry, { resolver, upstreams: UPSTREAM_NAMES });
            return resolver;
          },
        },
        {
          provide: BREAKER_FORCES,
          inject: [GatewayMetrics],
          useFactory: (metrics: GatewayMetrics) =>
            watchBreakerForces(settings.discovery, UPSTREAM_NAMES, {
              log: new Logger('BreakerForces'),
              observer: metrics.runtimeConfig,
            }),
        },
        { provide: TRANSPORT, useFactory: () => createTransport(settings.transport) },
        {
          provide: CLIENT_CHAINS,
          inject: [GatewayRuntimeConfig, GatewayMetrics, BREAKER_FORCES],
          useFactory: (
            runtime: GatewayRuntimeConfig,
            { upstreams: metrics }: GatewayMetrics,
            forces: BreakerForces,
          ): ClientChains => {
            const log = new Logger('Upstreams');
            const deps = {
              runtime,
              metrics,
              log,
              maxEjectionMs: settings.maxEjectionMs,
              breakerForce: (upstream: UpstreamName) => forces.current(upstream),
            };
            return perUpstream((upstream, { definition }) => {
              const methods = Object.values(definition.methods).map((m) => m.name);
              metrics.reportForcedBreakers(upstream, methods, (method) =>
                forcedStateOf(forces.current(upstream), method),
              );
              return gatewayClientChain(upstream, settings.policies[upstream], deps);
            });
          },
        },
        ...UPSTREAM_NAMES.map(upstreamClient),
      ],
      exports: [SERVICE_RESOLVER, ...UPSTREAM_NAMES.map(upstreamToken)],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.breakerForces.stop();
    for (const chain of Object.values(this.chains)) chain.breakers.close();
    this.transport.close();
    await this.resolver.close();
  }
}
