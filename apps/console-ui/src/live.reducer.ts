import type { LiveEvents, LogView, ProcessView, TraceSummary } from '@junction/console-api';
import { compareNanos } from './shared/time.nanos';

export type LiveEventName = keyof LiveEvents;

/** Every event `GET /api/live` sends (the `event:` field). */
export const LIVE_EVENT_NAMES: readonly LiveEventName[] = [
  'services',
  'map',
  'routes',
  'edge',
  'processes',
  'traces',
  'logs',
  'store',
];

/** connecting: never connected yet; reconnecting: was live, lost the stream. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Snapshots as last pushed, plus the most recent traces and log lines. */
export interface LiveState {
  readonly status: LiveStatus;
  readonly services?: LiveEvents['services'];
  readonly map?: LiveEvents['map'];
  readonly routes?: LiveEvents['routes'];
  readonly edge?: LiveEvents['edge'];
  readonly processes?: LiveEvents['processes'];
  readonly store?: LiveEvents['store'];
  readonly traces: readonly TraceSummary[];
  readonly logs: readonly LogView[];
}

export type LiveEventAction = {
  [K in LiveEventName]: { readonly type: K; readonly data: LiveEvents[K] };
}[LiveEventName];

export type LiveAction =
  | LiveEventAction
  | { readonly type: 'status'; readonly status: LiveStatus }
  /** A process as a write answered it (restart), before the next push. */
  | { readonly type: 'process'; readonly process: ProcessView };

export const RECENT_TRACES = 500;
export const RECENT_LOGS = 1000;

export const initialLiveState: LiveState = { status: 'connecting', traces: [], logs: [] };

export function reduceLive(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status };
    case 'traces':
      return { ...state, traces: mergeTraces(state.traces, action.data, RECENT_TRACES) };
    case 'logs':
      return { ...state, logs: mergeLogs(state.logs, action.data, RECENT_LOGS) };
    case 'process':
      return { ...state, processes: upsertProcess(state.processes ?? [], action.process) };
    case 'services':
    case 'map':
    case 'routes':
    case 'edge':
    case 'processes':
    case 'store':
      return { ...state, [action.type]: action.data };
  }
}

/**
 * Newest first, one row per trace: a trace pushed again (more of its spans
 * arrived) replaces its row; at most `limit` rows.
 */
export function mergeTraces(
  existing: readonly TraceSummary[],
  incoming: readonly TraceSummary[],
  limit: number,
): readonly TraceSummary[] {
  if (incoming.length === 0) return existing;
  const byId = new Map<string, TraceSummary>();
  for (const trace of existing) byId.set(trace.traceId, trace);
  for (const trace of incoming) byId.set(trace.traceId, trace);
  return [...byId.values()]
    .sort((a, b) => compareNanos(b.startTimeUnixNano, a.startTimeUnixNano))
    .slice(0, limit);
}

/** Newest first (lines of one instant keep their arrival order); at most `limit` lines. */
export function mergeLogs(
  existing: readonly LogView[],
  incoming: readonly LogView[],
  limit: number,
): readonly LogView[] {
  if (incoming.length === 0) return existing;
  const fresh = incoming.map((log, i) => ({ log, i }));
  fresh.sort((a, b) => compareNanos(b.log.timeUnixNano, a.log.timeUnixNano) || b.i - a.i);
  return [...fresh.map(({ log }) => log), ...existing]
    .sort((a, b) => compareNanos(b.timeUnixNano, a.timeUnixNano))
    .slice(0, limit);
}

function upsertProcess(
  processes: readonly ProcessView[],
  process: ProcessView,
): readonly ProcessView[] {
  return processes.some((p) => p.name === process.name)
    ? processes.map((p) => (p.name === process.name ? process : p))
    : [...processes, process];
}
