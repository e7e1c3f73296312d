import type { StoreStats } from '@junction/console-api';
import { formatCount } from '../shared/display.format';

/** What the bounded store holds and has evicted (the ring is by span count). */
export function StoreFooter({ store }: { store: StoreStats | undefined }) {
  if (!store) return <footer class="footer">Store: waiting for the console…</footer>;
  const fill = store.capacity > 0 ? Math.round((store.spans / store.capacity) * 100) : 0;
  return (
    <footer class="footer" data-testid="store-stats">
      <span>
        Spans <b>{formatCount(store.spans)}</b> / {formatCount(store.capacity)} ({fill}%)
      </span>
      <span>
        Traces <b>{formatCount(store.traces)}</b>
      </span>
      <span class={store.evictedTraces > 0 ? 'warn-text' : undefined}>
        Evicted {formatCount(store.evictedTraces)} traces, {formatCount(store.evictedSpans)} spans
      </span>
      <span>
        Logs <b>{formatCount(store.logs)}</b> / {formatCount(store.logCapacity)}, evicted{' '}
        {formatCount(store.evictedLogs)}
      </span>
    </footer>
  );
}
