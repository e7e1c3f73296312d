import type { Balancer, CallOutcome, ServiceResolver } from '@junction/discovery';
import { GrpcCallError } from './grpc-call.error';
import { isUnreachable, type UnaryTransport } from './transport/unary-transport.port';
import type { UnaryCall, UnaryHandler } from './unary-call.types';

export interface InvokerDeps {
  readonly resolver: ServiceResolver;
  readonly balancer: Balancer;
  readonly transport: UnaryTransport;
}

/**
 * The end of every chain: pick an instance, encode with the generated codec,
 * send, decode. Every failure leaves as a GrpcCallError. The balancer hears
 * when each call starts and how it ended (an unreachable instance is one it
 * can eject).
 */
export function createInvoker({ resolver, balancer, transport }: InvokerDeps): UnaryHandler {
  return async (call: UnaryCall) => {
    const instance = balancer.pick(resolver.instances(call.upstream), call.routingKey);
    if (!instance) {
      // "There are none" and "we can't tell" are different outages for ops.
      const known = resolver.state(call.upstream).status === 'ok';
      const details = known
        ? `no instances of ${call.upstream}`
        : `no known instances of ${call.upstream}: the registry has not answered`;
      throw GrpcCallError.unavailable(details, call.upstream, call.path);
    }
    const encoded = call.method.requestType.encode(call.request).finish();
    const request = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    let response: Buffer;
    let outcome: CallOutcome = 'failed';
    balancer.onStart?.(instance);
    try {
      response = await transport.call(
        instance.address,
        call.path,
        request,
        call.metadata,
        call.deadline,
      );
      outcome = 'ok';
    } catch (error) {
      if (isUnreachable(error)) outcome = 'unreachable';
      throw GrpcCallError.fromServiceError(error as object, call.upstream, call.path);
    } finally {
      balancer.onEnd?.(instance, outcome);
    }
    return call.method.responseType.decode(response);
  };
}
