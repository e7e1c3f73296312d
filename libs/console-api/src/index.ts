// The ops console's HTTP API, as the console serves it and its UI reads it.
// Types only: the server validates what it receives, the UI trusts what the
// console sends.

export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
export type SpanStatusCode = 'UNSET' | 'OK' | 'ERROR';
export type AttributeValue = string | number | boolean | readonly (string | number | boolean)[];

export interface SpanEvent {
  readonly name: string;
  readonly timeUnixNano: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** One span of `GET /api/traces/{traceId}`; times are decimal strings of nanoseconds. */
export interface SpanView {
  readonly spanId: string;
  /** '' for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly service: string;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly status: { readonly code: SpanStatusCode; readonly message?: string };
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly events: readonly SpanEvent[];
}

export interface TraceView {
  readonly traceId: string;
  readonly spans: readonly SpanView[];
}

export type TraceOutcome = 'ok' | 'error' | 'degraded';

/** A row of `GET /api/traces` (newest first). */
export interface TraceSummary {
  readonly traceId: string;
  /** Name of the root span (or the earliest span when the root is missing). */
  readonly rootName: string;
  readonly rootService: string;
  /** `http.route` of the root span, when it is an HTTP server span. */
  readonly route?: string;
  readonly startTimeUnixNano: string;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly services: readonly string[];
  readonly status: TraceOutcome;
  /** Sections named in `junction.degraded` on the root span. */
  readonly degraded: readonly string[];
}

export interface TraceList {
  readonly traces: readonly TraceSummary[];
  /** Spans held, the ring's capacity and how many were evicted since start. */
  readonly store: StoreStats;
}

export interface StoreStats {
  readonly spans: number;
  readonly capacity: number;
  readonly traces: number;
  readonly evictedSpans: number;
  readonly evictedTraces: number;
  readonly logs: number;
  readonly logCapacity: number;
  readonly evictedLogs: number;
  /** What the OTLP receiver's limits cut since start (per span or log record: attributes and events over the cap, values cut to length). */
  readonly capped?: {
    readonly droppedAttributes: number;
    readonly droppedEvents: number;
    readonly truncatedValues: number;
  };
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A row of `GET /api/logs?traceId=&service=&level=&q=&limit=` (newest first). */
export interface LogView {
  readonly timeUnixNano: string;
  readonly service: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly traceId?: string;
  readonly spanId?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

export type CheckStatus = 'passing' | 'warning' | 'critical';

export interface InstanceView {
  readonly id: string;
  readonly address: string;
  readonly port: number;
  readonly metricsPort?: number;
  readonly meta: Readonly<Record<string, string>>;
  /** Worst of its checks. */
  readonly status: CheckStatus;
  readonly checks: readonly { name: string; status: CheckStatus; output: string }[];
}

export type BreakerStateName = 'closed' | 'half-open' | 'open';
export type BreakerForce = 'open' | 'closed' | 'auto';

/** A breaker as one caller instance sees it. */
export interface BreakerView {
  readonly caller: string;
  readonly callerInstance: string;
  readonly upstream: string;
  readonly method: string;
  readonly state: BreakerStateName;
  /** What `junction/breakers/<upstream>` forces for this method. */
  readonly forced: BreakerForce;
}

export interface ServiceView {
  readonly name: string;
  readonly instances: readonly InstanceView[];
}

/** `GET /api/services` */
export interface ServicesView {
  readonly services: readonly ServiceView[];
  readonly breakers: readonly BreakerView[];
  /** When the registry could not be read, why (the last good answer is served). */
  readonly registryError?: string;
}

/** Edges of the service map: from Consul (who registers) and observed client spans. */
export interface ServiceMapEdge {
  readonly from: string;
  readonly to: string;
  /** Calls per second over the window. */
  readonly rate: number;
  readonly errorRatio: number;
  readonly p99Ms: number;
}

export interface ServiceMapView {
  readonly nodes: readonly { name: string; instances: number; status: CheckStatus }[];
  readonly edges: readonly ServiceMapEdge[];
  readonly windowSeconds: number;
}

/** RED of one route (gateway) over the last scrape interval, plus a short history. */
export interface RouteRed {
  readonly route: string;
  readonly method: string;
  readonly rate: number;
  readonly errorRatio: number;
  readonly p99Ms: number;
  /** Points oldest first: [unix seconds, rate, errorRatio, p99Ms]. */
  readonly history: readonly (readonly [number, number, number, number])[];
}

export interface EdgeView {
  /** Per process (gateway instance): counters as rates per second. */
  readonly gateways: readonly {
    instance: string;
    rateLimitedPerSecond: number;
    shedPerSecond: number;
    eventLoopLagMs: number;
    history: readonly (readonly [number, number, number, number])[];
  }[];
}

export type ProcessState = 'starting' | 'running' | 'exited' | 'stopping' | 'stopped';

/** A process `npm start` runs (`GET /api/processes`). */
export interface ProcessView {
  readonly name: string;
  readonly state: ProcessState;
  readonly pid?: number;
  readonly exitCode?: number | null;
  readonly signal?: string | null;
  readonly restarts: number;
  readonly startedAt?: string;
}

/** `PUT /api/breakers/{upstream}` body. */
export interface BreakerCommand {
  readonly state: BreakerForce;
  readonly method?: string;
}

/**
 * The answer to `PUT /api/breakers/{upstream}`, `PUT /api/faults/{service}` and
 * `PUT /api/config/{app}`: the Consul KV key written and the document now there
 * (null when the write removed it). `GET /api/faults/{service}` and
 * `GET /api/config/{app}` answer the document itself, 404 when none is set.
 */
export interface KvDocumentView {
  readonly key: string;
  readonly value: unknown;
}

/** Every problem the console answers is RFC 9457. */
export interface ProblemView {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly string[];
}

/** Events on `GET /api/live` (Server-Sent Events; `event:` is the key, `data:` JSON). */
export interface LiveEvents {
  readonly services: ServicesView;
  readonly map: ServiceMapView;
  readonly routes: readonly RouteRed[];
  readonly edge: EdgeView;
  readonly processes: readonly ProcessView[];
  /** New trace summaries since the last event. */
  readonly traces: readonly TraceSummary[];
  /** New log lines since the last event. */
  readonly logs: readonly LogView[];
  readonly store: StoreStats;
}
