import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type OutputStream = 'stdout' | 'stderr';

export interface ManagedProcessOptions {
  /** Receives each output line; defaults to keeping them in memory only. */
  readonly onLine?: (name: string, line: string, stream: OutputStream) => void;
}

/**
 * A child process whose output is kept (for assertions) and optionally
 * forwarded line by line, and which can be stopped with a signal and awaited.
 */
export class ManagedProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(
    readonly spec: ProcessSpec,
    options: ManagedProcessOptions = {},
  ) {
    this.child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const streams = [
      ['stdout', this.child.stdout],
      ['stderr', this.child.stderr],
    ] as const;
    for (const [kind, stream] of streams) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > 5000) this.lines.shift();
        options.onLine?.(spec.name, line, kind);
      });
    }
    // If this process dies without stopping its children (a crash, an
    // uncaught error), they die with it instead of living on as orphans.
    const killOnExit = () => this.child.kill('SIGKILL');
    process.once('exit', killOnExit);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        process.removeListener('exit', killOnExit);
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.running) return this.exited;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}
