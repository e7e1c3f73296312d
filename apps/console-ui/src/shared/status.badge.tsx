/** A coloured status word; `tone` picks the colour when the word alone does not. */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'muted';

const TONES: Record<string, Tone> = {
  passing: 'good',
  running: 'good',
  closed: 'good',
  ok: 'good',
  warning: 'warn',
  'half-open': 'warn',
  degraded: 'warn',
  starting: 'info',
  stopping: 'info',
  critical: 'bad',
  open: 'bad',
  error: 'bad',
  exited: 'bad',
  stopped: 'muted',
  auto: 'muted',
};

export function StatusBadge({ status, tone }: { status: string; tone?: Tone }) {
  return <span class={`badge tone-${tone ?? TONES[status] ?? 'muted'}`}>{status}</span>;
}
