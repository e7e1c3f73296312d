import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import { activeDeadline } from '@junction/resilience';
import { mergeMap, throwError, type Observable } from 'rxjs';
import { Status } from '../status.error';
import { decideFault, type FaultDecision, type RandomSource } from './fault-decision';
import type { FaultSource } from './fault-source';
import { injectedDelay } from './injected-delay';

/** `GetProduct` of `/catalog.v1.CatalogService/GetProduct`. */
const rpcName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Injects the configured latency and errors into this service's RPCs, before
 * the handler runs (an injected error skips it). It sits inside the trace and
 * deadline interceptors, so faults show on the SERVER span and latency stops
 * at the inbound deadline. Health checks are served by grpc-js directly, not
 * through Nest, so they are never faulted.
 */
@Injectable()
export class FaultInjectionInterceptor implements NestInterceptor {
  constructor(
    private readonly faults: FaultSource,
    /** This instance's registry id, for faults aimed at some instances only. */
    private readonly instanceId: string | undefined,
    private readonly random: RandomSource = Math.random,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = execution.getArgs<[unknown, unknown, ServerUnaryCall<unknown, unknown>?]>()[2];
    const method = rpcName(call?.getPath?.() ?? execution.getHandler().name);
    const decision = decideFault(
      this.faults.current,
      { method, instanceId: this.instanceId },
      this.random,
    );
    if (!decision) return next.handle();
    annotateSpan(decision);
    // Created here, not when the delay ends: Nest runs the handler in the
    // async context handle() is called in (the span's and the deadline's).
    const outcome = decision.error ? throwError(() => decision.error) : next.handle();
    if (decision.delayMs === 0) return outcome;
    return injectedDelay(decision.delayMs, activeDeadline(), call).pipe(mergeMap(() => outcome));
  }
}

function annotateSpan({ delayMs, error }: FaultDecision): void {
  trace.getActiveSpan()?.setAttributes({
    'junction.fault.latency_ms': delayMs,
    ...(error ? { 'junction.fault.error': Status[error.code] } : {}),
  });
}
