import { catalogV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream, type UnaryTransport } from '@junction/grpc-client';
import { createLogger } from '@junction/telemetry';
import { runGrpcService, type GrpcServiceOptions } from './grpc-service.runner';

/**
 * runGrpcService as the specs start it: the catalog contract on loopback,
 * silent, a 2 s drain, no signal handlers; each spec says what differs.
 */
export const runTestService = (
  options: Pick<GrpcServiceOptions, 'module' | 'port'> & Partial<GrpcServiceOptions>,
) =>
  runGrpcService({
    services: [catalogV1.CatalogServiceDefinition],
    host: '127.0.0.1',
    logger: createLogger({ name: 'test', level: 'silent' }),
    drainTimeoutMs: 2000,
    handleSignals: false,
    ...options,
  });

/** A catalog client of the one instance at `address`. */
export const catalogClient = (address: string, transport: UnaryTransport) =>
  connectUpstream(catalogV1.CatalogServiceDefinition, {
    upstream: 'catalog',
    resolver: new StaticResolver({ catalog: [address] }),
    transport,
    defaultTimeoutMs: 5000,
  });
