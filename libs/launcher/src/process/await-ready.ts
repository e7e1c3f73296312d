import type { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

/**
 * Waits until `check` passes, failing at once (with the process's last
 * lines) if the process exits first, or after `timeoutMs`.
 */
export async function awaitReady(
  proc: ManagedProcess,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  await waitUntil(async () => !proc.running || (await check()), {
    timeoutMs,
    what: `${proc.spec.name} to be ready`,
    intervalMs: 50,
  });
  if (!proc.running) {
    throw new Error(
      `${proc.spec.name} exited while starting:\n${proc.lines.slice(-15).join('\n')}`,
    );
  }
}
