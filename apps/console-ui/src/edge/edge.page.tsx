import { useLive } from '../shell/app.context';
import { formatDuration, formatRate } from '../shared/display.format';
import { EmptyState } from '../shared/empty.state';
import { seriesColumns } from '../shared/series';
import { Sparkline } from '../shared/sparkline.chart';
import { COLORS } from '../shared/theme';

const formatLag = (ms: number) => formatDuration(ms);

// EdgeView history points: [unix s, rate-limited/s, shed/s, event-loop lag ms].
const METRICS = [
  {
    index: 1,
    title: 'Rate-limited',
    color: COLORS.warn,
    format: formatRate,
    key: 'rateLimitedPerSecond',
  },
  { index: 2, title: 'Shed', color: COLORS.bad, format: formatRate, key: 'shedPerSecond' },
  {
    index: 3,
    title: 'Event-loop lag',
    color: COLORS.info,
    format: formatLag,
    key: 'eventLoopLagMs',
  },
] as const;

/** What the gateway's edge is refusing, and how loaded its event loop is. */
export function EdgePage() {
  const { edge } = useLive();
  return (
    <section class="page">
      <div class="page-head">
        <h1>Edge</h1>
        <span class="muted">
          Rate limiting, load shedding and event-loop lag per gateway instance
        </span>
      </div>
      {!edge && <EmptyState>Waiting for the console…</EmptyState>}
      {edge && edge.gateways.length === 0 && (
        <EmptyState>No gateway is reporting metrics.</EmptyState>
      )}
      {edge?.gateways.map((gateway) => (
        <div
          class="panel"
          key={gateway.instance}
          data-testid="edge-gateway"
          data-instance={gateway.instance}
        >
          <div class="panel-title">
            <span class="service-name mono">{gateway.instance}</span>
          </div>
          <div class="metric-grid">
            {METRICS.map((metric) => {
              const [xs, ys] = seriesColumns(gateway.history, metric.index);
              const value = gateway[metric.key];
              return (
                <div class="metric" key={metric.key} data-testid={`edge-${metric.key}`}>
                  <div class="metric-head">
                    <span class="metric-title">{metric.title}</span>
                    <span
                      class="metric-value"
                      style={{ color: value > 0 && metric.index < 3 ? metric.color : undefined }}
                    >
                      {metric.format(value)}
                    </span>
                  </div>
                  <Sparkline
                    xs={xs}
                    ys={ys}
                    color={metric.color}
                    height={120}
                    axes
                    format={metric.format}
                    label={metric.title}
                  />
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
