import type { LiveStatus } from '../live.reducer';

const LABEL: Record<LiveStatus, string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span
      class={`live live-${status}`}
      data-testid="live-indicator"
      data-status={status}
      role="status"
    >
      <span class="live-dot" aria-hidden="true" />
      {LABEL[status]}
    </span>
  );
}
