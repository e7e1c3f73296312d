import type { RegistryClock } from '../../time/registry-clock';
import type { CheckStatus } from '../model';
import type { CheckNotifier } from './status-handler';

/** Consul's default check_output_max_size. */
export const DEFAULT_OUTPUT_MAX_SIZE = 4096;

/** Go slices strings by bytes; so does the truncation. */
export function truncateOutput(output: string, max: number): string {
  const bytes = Buffer.from(output, 'utf8');
  if (bytes.length <= max) return output;
  const head = bytes.subarray(0, max).toString('utf8');
  return `${head} ... (captured ${max} of ${bytes.length} bytes)`;
}

/**
 * A TTL check (Consul's CheckTTL): critical with "TTL expired" unless
 * pass/warn/fail/update comes within the TTL; each update re-arms the
 * timer, an expiry does not.
 */
export class TtlCheck {
  private timer: NodeJS.Timeout;
  private lastOutput = '';

  constructor(
    private readonly ttlMs: number,
    private readonly outputMaxSize: number,
    private readonly clock: RegistryClock,
    private readonly notify: CheckNotifier,
  ) {
    this.timer = this.arm();
  }

  setStatus(status: CheckStatus, output: string): void {
    const stored = truncateOutput(output, this.outputMaxSize || DEFAULT_OUTPUT_MAX_SIZE);
    this.notify(status, stored);
    this.lastOutput = stored;
    clearTimeout(this.timer);
    this.timer = this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): NodeJS.Timeout {
    return this.clock.after(this.ttlMs, () => {
      const output =
        this.lastOutput === ''
          ? 'TTL expired'
          : `TTL expired (last output before timeout follows): ${this.lastOutput}`;
      this.notify('critical', output);
    });
  }
}
