import type { LiveEvents } from '@junction/console-api';
import {
  initialLiveState,
  LIVE_EVENT_NAMES,
  reduceLive,
  type LiveAction,
  type LiveEventName,
  type LiveState,
} from './live.reducer';

/** The part of the browser's EventSource the store uses. */
export interface LiveSource {
  readonly readyState: number;
  /** `open`, `error`, and each named event (whose `data` is the JSON text). */
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

export type OpenLiveSource = (url: string) => LiveSource;

/** EventSource.CLOSED: the browser gave up (an HTTP error, or not an event stream). */
const CLOSED = 2;

export interface LiveStoreOptions {
  readonly url?: string;
  /** Delays before reopening a stream the browser closed; the last one repeats. */
  readonly backoffMs?: readonly number[];
}

type Listener = (state: LiveState) => void;
type EventListener<K extends LiveEventName> = (data: LiveEvents[K]) => void;

/**
 * The console's live state from `GET /api/live`. The browser reconnects a
 * dropped stream by itself; a stream it closed (a 401 while the token cookie
 * is missing, a restarting console) is reopened here with backoff.
 */
export class LiveStore {
  private state: LiveState = initialLiveState;
  private readonly listeners = new Set<Listener>();
  private readonly eventListeners = new Map<LiveEventName, Set<(data: never) => void>>();
  private source: LiveSource | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private readonly url: string;
  private readonly backoffMs: readonly number[];

  constructor(
    private readonly open: OpenLiveSource,
    options: LiveStoreOptions = {},
  ) {
    this.url = options.url ?? '/api/live';
    this.backoffMs = options.backoffMs ?? [1000, 2000, 5000, 10_000];
  }

  getState(): LiveState {
    return this.state;
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each pushed batch of one event (e.g. the new traces), after the state took it. */
  onEvent<K extends LiveEventName>(name: K, listener: EventListener<K>): () => void {
    const set = this.eventListeners.get(name) ?? new Set();
    set.add(listener as (data: never) => void);
    this.eventListeners.set(name, set);
    return () => set.delete(listener as (data: never) => void);
  }

  dispatch(action: LiveAction): void {
    const next = reduceLive(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }

  start(): void {
    if (this.source) return;
    const source = this.open(this.url);
    this.source = source;
    source.addEventListener('open', () => {
      this.failures = 0;
      this.dispatch({ type: 'status', status: 'live' });
    });
    source.addEventListener('error', () => {
      if (this.state.status === 'live') this.dispatch({ type: 'status', status: 'reconnecting' });
      if (source.readyState === CLOSED) this.reopenLater();
    });
    for (const name of LIVE_EVENT_NAMES) {
      source.addEventListener(name, (event) => this.receive(name, event.data));
    }
  }

  stop(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.source?.close();
    this.source = undefined;
  }

  private receive(name: LiveEventName, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return; // a torn or foreign message: the next snapshot replaces it
    }
    this.dispatch({ type: name, data } as LiveAction);
    for (const listener of this.eventListeners.get(name) ?? [])
      (listener as (d: unknown) => void)(data);
  }

  private reopenLater(): void {
    this.source?.close();
    this.source = undefined;
    const delay = this.backoffMs[Math.min(this.failures, this.backoffMs.length - 1)] ?? 1000;
    this.failures++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start();
    }, delay);
  }
}
