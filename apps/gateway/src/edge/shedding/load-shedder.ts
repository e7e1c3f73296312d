export type ShedReason = 'in_flight' | 'event_loop_lag';

export interface SheddingLimits {
  readonly maxInFlight: number;
  readonly maxEventLoopLagMs: number;
  readonly retryAfterS: number;
}

export interface LoadShedderOptions {
  /** The thresholds in force now (runtime configuration may change them). */
  readonly limits: () => SheddingLimits;
  /** The latest event-loop lag sample, in milliseconds. */
  readonly lagMs: () => number;
}

/** A change of shedding state over one sample window, worth one log line. */
export type SheddingChange =
  | { readonly shedding: true; readonly shed: Readonly<Record<ShedReason, number>> }
  | { readonly shedding: false; readonly shedTotal: number };

/**
 * Admission control at the edge: a request is refused before any work when
 * the gateway already has too many in flight, or when its event loop lags
 * (it cannot keep up, and queueing more only makes every answer late).
 * Framework-free: the Fastify hook counts requests in and out.
 */
export class LoadShedder {
  private inFlight = 0;
  private shedInWindow: Record<ShedReason, number> = { in_flight: 0, event_loop_lag: 0 };
  private shedSinceStart = 0;
  private shedding = false;

  constructor(private readonly options: LoadShedderOptions) {}

  /** Requests admitted and not yet finished. */
  get current(): number {
    return this.inFlight;
  }

  /** Seconds a refused client is told to wait. */
  get retryAfterS(): number {
    return this.options.limits().retryAfterS;
  }

  /**
   * Admits a request, counting it in flight until release(), or says why it
   * is refused (and does not count it).
   */
  admit(): ShedReason | undefined {
    const limits = this.options.limits();
    let reason: ShedReason | undefined;
    if (this.inFlight >= limits.maxInFlight) reason = 'in_flight';
    else if (this.options.lagMs() > limits.maxEventLoopLagMs) reason = 'event_loop_lag';
    if (reason === undefined) {
      this.inFlight += 1;
      return undefined;
    }
    this.shedInWindow[reason] += 1;
    return reason;
  }

  /** A request admitted by admit() has finished (answered or abandoned); call once per admit. */
  release(): void {
    this.inFlight -= 1;
  }

  /**
   * Closes a sample window. Says when shedding started (something was shed
   * after a quiet window) or stopped (a whole window without shedding), and
   * nothing otherwise: at most one line per window, never one per request.
   */
  endWindow(): SheddingChange | undefined {
    const shed = this.shedInWindow;
    const total = shed.in_flight + shed.event_loop_lag;
    this.shedInWindow = { in_flight: 0, event_loop_lag: 0 };
    this.shedSinceStart += total;
    if (total > 0 && !this.shedding) {
      this.shedding = true;
      return { shedding: true, shed };
    }
    if (total === 0 && this.shedding) {
      const shedTotal = this.shedSinceStart;
      this.shedding = false;
      this.shedSinceStart = 0;
      return { shedding: false, shedTotal };
    }
    return undefined;
  }
}
