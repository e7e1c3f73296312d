import type { ProcessView } from '@junction/console-api';
import type { ManagedProcess, ProcessSpec } from '../process/managed-process';
import { SupervisedProcess, type SupervisedProcessOptions } from './supervised-process';

export type SupervisorOptions = Omit<SupervisedProcessOptions, 'spec' | 'ready' | 'onSpawn'>;

export interface SupervisedApp {
  readonly spec: ProcessSpec;
  readonly ready?: () => Promise<boolean>;
  readonly onSpawn?: (proc: ManagedProcess) => void;
}

/** The control API answers 404 with this. */
export class UnknownProcessError extends Error {}

/**
 * The processes of one launch, started in stages (each stage together, the
 * next once it is ready) and stopped in reverse, so that the registry goes
 * last and every app can deregister first.
 */
export class Supervisor {
  private readonly processes = new Map<string, SupervisedProcess>();
  private readonly stages: string[][] = [];
  private stopping?: Promise<void>;

  constructor(private readonly options: SupervisorOptions = {}) {}

  /** Starts one stage of apps together; resolves when every one is ready. */
  async startStage(apps: ReadonlyMap<string, SupervisedApp>): Promise<void> {
    if (this.stopping) throw new Error('the launcher is stopping');
    const names = [...apps.keys()];
    for (const name of names) {
      if (this.processes.has(name)) throw new Error(`${name} is already supervised`);
    }
    this.stages.push(names);
    const started = [...apps].map(([name, app]) => {
      const proc = new SupervisedProcess(name, { ...this.options, ...app });
      this.processes.set(name, proc);
      return proc.start();
    });
    const results = await Promise.allSettled(started);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  get(name: string): SupervisedProcess | undefined {
    return this.processes.get(name);
  }

  get names(): string[] {
    return [...this.processes.keys()];
  }

  views(): ProcessView[] {
    return [...this.processes.values()].map((proc) => proc.view());
  }

  /** Restarts a running or exited process (see SupervisedProcess.restart). */
  restart(name: string): ProcessView {
    const proc = this.processes.get(name);
    if (!proc) throw new UnknownProcessError(`no process named "${name}"`);
    return proc.restart();
  }

  /** Stops every process, the last stage first; calling it again waits for the same stop. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const stage of [...this.stages].reverse()) {
        await Promise.all(stage.map((name) => this.processes.get(name)?.stop()));
      }
    })();
    return this.stopping;
  }
}
