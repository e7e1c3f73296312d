import { Counter, Gauge, type Histogram, type Registry } from 'prom-client';
import { rpcClientDuration, type RpcClientLabel } from './rpc.metrics';

/** What ops forced a method's breaker to; undefined: its own state (auto). */
export type ForcedBreakerOf = (method: string) => 'open' | 'closed' | undefined;

const FORCED_VALUE = { auto: 0, open: 1, closed: 2 } as const;

/**
 * What a process that calls upstreams reports about those calls (the gateway
 * and orders alike): their RED, how the breakers stand, and every call the
 * policies refused, retried or steered away from an instance.
 */
export class UpstreamMetrics {
  readonly callDuration: Histogram<RpcClientLabel>;
  /** Breaker state per upstream method: 0 closed, 1 half-open, 2 open. */
  readonly breakerState: Gauge<'upstream' | 'method'>;
  /** Forced breaker state per upstream method: 0 auto, 1 forced open, 2 forced closed. */
  readonly breakerForced: Gauge<'upstream' | 'method'>;
  readonly breakerTransitions: Counter<'upstream' | 'method' | 'state'>;
  /** cause: breaker-open, bulkhead-full, budget-spent, retry-budget. */
  readonly callsRejected: Counter<'upstream' | 'cause'>;
  readonly retries: Counter<'upstream' | 'method'>;
  readonly retryBudgetExhausted: Counter<'upstream'>;
  /** reason: unreachable, failures, pushback. */
  readonly ejections: Counter<'upstream' | 'reason'>;
  private readonly forcedReaders = new Map<
    string,
    { methods: readonly string[]; forced: ForcedBreakerOf }
  >();

  constructor(registry: Registry) {
    const registers = [registry];
    const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    const readers = this.forcedReaders;
    this.callDuration = rpcClientDuration(registry);
    this.breakerState = new Gauge({
      name: 'junction_upstream_breaker_state',
      help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
      labelNames: ['upstream', 'method'],
      registers,
    });
    this.breakerForced = new Gauge({
      name: 'junction_upstream_breaker_forced',
      help: 'Circuit breaker forced by ops (Consul KV junction/breakers/<upstream>): 0 auto, 1 forced open, 2 forced closed',
      labelNames: ['upstream', 'method'],
      registers,
      // Read at scrape time from the watched KV documents, for every method
      // of every upstream called, so a forced state shows before any call.
      collect() {
        this.reset();
        for (const [upstream, { methods, forced }] of readers) {
          for (const method of methods) {
            this.set({ upstream, method }, FORCED_VALUE[forced(method) ?? 'auto']);
          }
        }
      },
    });
    this.breakerTransitions = counter(
      'junction_upstream_breaker_transitions_total',
      'Circuit breaker state changes, by the state entered',
      ['upstream', 'method', 'state'],
    );
    this.callsRejected = counter(
      'junction_upstream_calls_rejected_total',
      'Upstream calls failed fast by the client (breaker open, bulkhead full, budget spent, retry budget spent)',
      ['upstream', 'cause'],
    );
    this.retries = counter('junction_upstream_retries_total', 'Retry attempts of upstream calls', [
      'upstream',
      'method',
    ]);
    this.retryBudgetExhausted = counter(
      'junction_upstream_retry_budget_exhausted_total',
      'Retries not made because the retry budget was spent',
      ['upstream'],
    );
    this.ejections = counter(
      'junction_upstream_ejections_total',
      'Upstream instances ejected from the balancer, or paused at their own request',
      ['upstream', 'reason'],
    );
  }

  /** Reports `upstream`'s forced breaker states, for each of its `methods`, at every scrape. */
  reportForcedBreakers(
    upstream: string,
    methods: readonly string[],
    forced: ForcedBreakerOf,
  ): void {
    this.forcedReaders.set(upstream, { methods, forced });
  }
}
