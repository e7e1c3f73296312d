import type {
  BreakerCommand,
  LogView,
  ProblemView,
  ProcessView,
  ServicesView,
  TraceList,
  TraceView,
} from '@junction/console-api';
import { queryString, type LogFilter, type TraceFilter } from './shared/filter.query';

/** A refused or failed request, with the console's RFC 9457 problem (or one made up for it). */
export class ApiError extends Error {
  constructor(readonly problem: ProblemView) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

type Method = 'GET' | 'PUT' | 'POST';

/** The console's HTTP API. `base` is '' in the browser (same origin). */
export function createApi(base = '') {
  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new ApiError({
        type: 'about:blank',
        title: 'Console unreachable',
        status: 0,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const text = await response.text();
    if (!response.ok) throw new ApiError(problemOf(response, text));
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  const segment = encodeURIComponent;
  return {
    traces: (filter: TraceFilter) =>
      request<TraceList>('GET', `/api/traces${queryString({ ...filter })}`),
    trace: (traceId: string) => request<TraceView>('GET', `/api/traces/${segment(traceId)}`),
    logs: async (filter: LogFilter): Promise<readonly LogView[]> => {
      const answer = await request<readonly LogView[] | { logs: readonly LogView[] }>(
        'GET',
        `/api/logs${queryString({ ...filter })}`,
      );
      return Array.isArray(answer) ? answer : (answer as { logs: readonly LogView[] }).logs;
    },
    services: () => request<ServicesView>('GET', '/api/services'),
    forceBreaker: (upstream: string, command: BreakerCommand) =>
      request<unknown>('PUT', `/api/breakers/${segment(upstream)}`, command),
    /** The document in KV, or undefined when none is set. */
    faults: (service: string) =>
      optional(request<unknown>('GET', `/api/faults/${segment(service)}`)),
    putFaults: (service: string, document: unknown) =>
      request<unknown>('PUT', `/api/faults/${segment(service)}`, document),
    config: (app: string) => optional(request<unknown>('GET', `/api/config/${segment(app)}`)),
    putConfig: (app: string, document: unknown) =>
      request<unknown>('PUT', `/api/config/${segment(app)}`, document),
    restartProcess: (name: string) =>
      request<ProcessView>('POST', `/api/processes/${segment(name)}/restart`),
  };
}

export type Api = ReturnType<typeof createApi>;

async function optional<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

function problemOf(response: Response, text: string): ProblemView {
  const fallback: ProblemView = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    ...(text ? { detail: text.slice(0, 500) } : {}),
  };
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return fallback;
  try {
    const body = JSON.parse(text) as Partial<ProblemView>;
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : fallback.title,
      status: response.status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors.map(String) } : {}),
    };
  } catch {
    return fallback;
  }
}
