/**
 * The single, ever-increasing index every write is stamped with, as Consul's
 * raft log index, and the wake-up signal blocking queries wait on.
 */
export class RaftIndex {
  private current = 0;
  private waiters = new Set<() => void>();

  get value(): number {
    return this.current;
  }

  /**
   * Applies one write at the next index and wakes every blocked query. The
   * write gets the index it is stamped with.
   */
  commit<T>(write: (index: number) => T): T {
    const index = ++this.current;
    const result = write(index);
    this.wake();
    return result;
  }

  /** Resolves at the next commit, after `timeoutMs` (wall clock), or on abort. */
  nextChange(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const done of waiting) done();
  }
}
