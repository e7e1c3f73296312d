import type { Balancer, CallOutcome, ServiceInstance, ServiceResolver } from '@junction/discovery';
import { isUpstreamFailure } from './failure-policy';
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
 * when each call starts and how it ended, so it can eject an instance that
 * is unreachable, failing, or asked for a pause.
 */
export function createInvoker({ resolver, balancer, transport }: InvokerDeps): UnaryHandler {
  const pick = (call: UnaryCall): ServiceInstance => {
    const listed = resolver.instances(call.upstream);
    const instance = balancer.pick(listed, call.routingKey, call.tried);
    if (instance) return instance;
    throw GrpcCallError.unavailable(
      noInstance(call, listed.length),
      call.upstream,
      call.path,
      listed.length > 0 ? 'ALL_BACKING_OFF' : 'NO_INSTANCES',
    );
  };
  // "There are none", "we can't tell" and "all are resting" are different
  // outages for ops.
  const noInstance = (call: UnaryCall, listed: number): string => {
    if (listed > 0) return `every instance of ${call.upstream} asked callers to back off`;
    return resolver.state(call.upstream).status === 'ok'
      ? `no instances of ${call.upstream}`
      : `no known instances of ${call.upstream}: the registry has not answered`;
  };

  return async (call: UnaryCall) => {
    const instance = pick(call);
    call.tried?.add(instance.id);
    const encoded = call.method.requestType.encode(call.request).finish();
    const request = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    let response: Buffer;
    let outcome: CallOutcome = 'failed';
    let pushbackMs: number | undefined;
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
      const failure = GrpcCallError.fromServiceError(error as object, call.upstream, call.path);
      outcome = isUnreachable(error) ? 'unreachable' : isUpstreamFailure(failure) ? 'failed' : 'ok';
      pushbackMs = failure.retryAfterMs;
      throw failure;
    } finally {
      balancer.onEnd?.(instance, outcome, pushbackMs);
    }
    return call.method.responseType.decode(response);
  };
}
