import type { ProcessState, ProcessView } from '@junction/console-api';
import { awaitReady } from '../process/await-ready';
import { ManagedProcess, type OutputStream, type ProcessSpec } from '../process/managed-process';
import { restartDelayMs, type RestartBackoff } from './restart-backoff';

type SupervisorEventBody = { readonly message: string } & (
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'restart-scheduled'; readonly delayMs: number; readonly attempt: number }
  | { readonly kind: 'restarted' }
  | { readonly kind: 'not-ready' }
);

/** What the supervisor tells its owner; `message` is the line to print. */
export type SupervisorEvent = SupervisorEventBody & { readonly name: string };

export interface SupervisedProcessOptions {
  readonly spec: ProcessSpec;
  /** Polled after each spawn; the process is `running` once it passes. */
  readonly ready?: () => Promise<boolean>;
  readonly readyTimeoutMs?: number;
  /** SIGTERM, then SIGKILL after this long. */
  readonly graceMs?: number;
  /** Restart on unexpected exits with this backoff; absent: never. */
  readonly autoRestart?: RestartBackoff;
  readonly onLine?: (name: string, line: string, stream: OutputStream) => void;
  /** Each new incarnation, e.g. to keep a name → process map current. */
  readonly onSpawn?: (proc: ManagedProcess) => void;
  readonly onEvent?: (event: SupervisorEvent) => void;
}

/** A restart that cannot happen now (409 on the control API). */
export class RestartRefusedError extends Error {}

const always = async () => true;

/**
 * One app under supervision: started, watched, restarted on request (or on
 * its own with backoff), stopped. An unexpected exit is reported and changes
 * nothing else: the rest of the platform is built to live with a dead peer.
 */
export class SupervisedProcess {
  private proc?: ManagedProcess;
  private state: ProcessState = 'stopped';
  private restarts = 0;
  private startedAt?: Date;
  private lastExit?: { code: number | null; signal: NodeJS.Signals | null };
  private crashesInARow = 0;
  private restartTimer?: NodeJS.Timeout;
  /** The current incarnation was asked to stop: its exit is no news. */
  private stopRequested = false;
  /** start() is being awaited: an exit now fails it instead of being reported. */
  private awaitedStart = false;
  private shutDown = false;

  constructor(
    readonly name: string,
    private readonly options: SupervisedProcessOptions,
  ) {}

  /** The process of the current incarnation. */
  get current(): ManagedProcess | undefined {
    return this.proc;
  }

  view(): ProcessView {
    const ended = this.state === 'exited' || this.state === 'stopped';
    return {
      name: this.name,
      state: this.state,
      ...(this.proc?.pid === undefined ? {} : { pid: this.proc.pid }),
      ...(ended && this.lastExit
        ? { exitCode: this.lastExit.code, signal: this.lastExit.signal }
        : {}),
      restarts: this.restarts,
      ...(this.startedAt ? { startedAt: this.startedAt.toISOString() } : {}),
    };
  }

  /** Spawns it and resolves once ready; rejects if it exits first or the wait times out. */
  async start(): Promise<void> {
    this.awaitedStart = true;
    try {
      const proc = this.spawn();
      await awaitReady(proc, this.options.ready ?? always, this.readyTimeoutMs);
      if (this.proc === proc && this.state === 'starting') this.state = 'running';
    } finally {
      this.awaitedStart = false;
    }
  }

  /** Restarts a running or exited process; resolves with its view before it is ready again. */
  restart(): ProcessView {
    if (this.shutDown) throw new RestartRefusedError('the launcher is stopping');
    if (this.state === 'starting' || this.state === 'stopping') {
      throw new RestartRefusedError(
        `${this.name} is ${this.state}; restart it once it has settled`,
      );
    }
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.crashesInARow = 0;
    this.restarts++;
    const proc = this.proc;
    if (proc?.running) {
      this.stopRequested = true;
      this.state = 'stopping';
      void proc.stop(this.options.graceMs).then(() => {
        if (!this.shutDown) this.respawn();
      });
    } else {
      this.respawn();
    }
    return this.view();
  }

  /** Stops it for good (SIGTERM, then SIGKILL after the grace); no restart follows. */
  async stop(): Promise<void> {
    this.shutDown = true;
    clearTimeout(this.restartTimer);
    const proc = this.proc;
    if (!proc?.running) return;
    this.stopRequested = true;
    this.state = 'stopping';
    await proc.stop(this.options.graceMs);
  }

  private get readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? 30_000;
  }

  private spawn(): ManagedProcess {
    const proc = new ManagedProcess(this.options.spec, { onLine: this.options.onLine });
    this.proc = proc;
    this.state = 'starting';
    this.stopRequested = false;
    this.startedAt = new Date();
    this.lastExit = undefined;
    this.options.onSpawn?.(proc);
    void proc.exited.then((result) => this.exited(proc, result));
    return proc;
  }

  /** A new incarnation, watched in the background (nobody awaits a restart). */
  private respawn(): void {
    const proc = this.spawn();
    awaitReady(proc, this.options.ready ?? always, this.readyTimeoutMs).then(
      () => {
        if (this.proc !== proc || this.state !== 'starting') return;
        this.state = 'running';
        this.emit({ kind: 'restarted', message: `${this.name} is running again` });
      },
      (error: unknown) => {
        // An exit while starting is reported by exited().
        if (this.proc !== proc || !proc.running) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.emit({ kind: 'not-ready', message: `${this.name} is not ready: ${reason}` });
      },
    );
  }

  private exited(
    proc: ManagedProcess,
    result: { code: number | null; signal: NodeJS.Signals | null },
  ): void {
    if (proc !== this.proc) return;
    this.lastExit = result;
    if (this.stopRequested) {
      this.state = 'stopped';
      return;
    }
    this.state = 'exited';
    if (this.awaitedStart) return;
    this.emit({
      kind: 'exited',
      code: result.code,
      signal: result.signal,
      message: `${this.name} exited unexpectedly (code ${result.code}, signal ${result.signal}); the other processes keep running`,
    });
    this.scheduleAutoRestart();
  }

  private scheduleAutoRestart(): void {
    const backoff = this.options.autoRestart;
    if (!backoff || this.shutDown) return;
    const ranMs = Date.now() - (this.startedAt?.getTime() ?? Date.now());
    if (ranMs >= backoff.resetAfterMs) this.crashesInARow = 0;
    const attempt = this.crashesInARow++;
    const delayMs = restartDelayMs(attempt, backoff);
    this.emit({
      kind: 'restart-scheduled',
      delayMs,
      attempt,
      message: `${this.name}: restarting in ${delayMs} ms (crash ${attempt + 1} in a row)`,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts++;
      this.respawn();
    }, delayMs);
  }

  private emit(event: SupervisorEventBody): void {
    this.options.onEvent?.({ name: this.name, ...event });
  }
}
