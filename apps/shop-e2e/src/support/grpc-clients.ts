import type { ServiceDefinition } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import {
  connectUpstream,
  GrpcCallError,
  GrpcJsTransport,
  type GrpcClient,
} from '@junction/grpc-client';

/** Typed clients straight to services, past the gateway. Close the transport after. */
export function directClients() {
  const transport = new GrpcJsTransport();
  const connect = <D extends ServiceDefinition>(definition: D, address: string): GrpcClient<D> =>
    connectUpstream(definition, {
      upstream: definition.name,
      resolver: new StaticResolver({ [definition.name]: [address] }),
      transport,
      defaultTimeoutMs: 5000,
    });
  return { connect, close: () => transport.close() };
}

/** The gRPC error a call failed with; fails the test if it succeeded. */
export async function grpcError(call: Promise<unknown>): Promise<GrpcCallError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrpcCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
