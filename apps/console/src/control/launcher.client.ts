import type { ProcessView } from '@junction/console-api';
import { z } from 'zod';
import { ProblemError } from '../http/problem';

const processViewSchema = z.object({
  name: z.string(),
  state: z.enum(['starting', 'running', 'exited', 'stopping', 'stopped']),
  pid: z.number().int().optional(),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
  restarts: z.number().int().min(0),
  startedAt: z.string().optional(),
});

const problemDetail = z.object({ detail: z.string() });

export interface LauncherSettings {
  readonly url: string;
  readonly token: string;
  readonly timeoutMs: number;
}

/**
 * The launcher's control API (`npm start` gives its URL and token): the
 * processes it runs, and restarting one. Its answers are checked like any
 * other input; its failures are 502s, its 404 and 409 are passed on.
 */
export class LauncherClient {
  constructor(private readonly settings: LauncherSettings) {}

  async processes(): Promise<ProcessView[]> {
    return z.array(processViewSchema).parse(await this.call('GET', '/processes'));
  }

  async restart(name: string): Promise<ProcessView> {
    return processViewSchema.parse(
      await this.call('POST', `/processes/${encodeURIComponent(name)}/restart`),
    );
  }

  private async call(method: string, path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.settings.url), {
        method,
        headers: { authorization: `Bearer ${this.settings.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new ProblemError(502, `the launcher did not answer: ${(error as Error).message}`);
    }
    if (response.status === 404 || response.status === 409) {
      // Its refusals are the caller's answer: no such process, or not now.
      const detail = await response
        .json()
        .then((body: unknown) => problemDetail.safeParse(body).data?.detail)
        .catch(() => undefined);
      throw new ProblemError(response.status, detail ?? `the launcher refused ${method} ${path}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ProblemError(502, `the launcher answered ${response.status} to ${method} ${path}`);
    }
    try {
      return await response.json();
    } catch {
      throw new ProblemError(
        502,
        `the launcher answered ${method} ${path} with something other than JSON`,
      );
    }
  }
}
