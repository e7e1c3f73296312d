import type { RouteRed } from '@junction/console-api';
import { useLive } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { formatDuration, formatRate, formatRatio } from '../shared/display.format';
import { EmptyState } from '../shared/empty.state';
import { seriesColumns } from '../shared/series';
import { Sparkline } from '../shared/sparkline.chart';
import { COLORS } from '../shared/theme';

const byTraffic = (a: RouteRed, b: RouteRed) => b.rate - a.rate || a.route.localeCompare(b.route);

/** Rate, errors and duration of every gateway route (RouteRed.history: [s, rate, errorRatio, p99Ms]). */
export function RoutesPage() {
  const { routes } = useLive();
  const list = [...(routes ?? [])].sort(byTraffic);
  return (
    <section class="page">
      <div class="page-head">
        <h1>Routes</h1>
        <span class="muted">RED per gateway route: rate, error ratio, p99 latency</span>
      </div>
      {!routes && <EmptyState>Waiting for the console…</EmptyState>}
      {routes && list.length === 0 && <EmptyState>No requests yet.</EmptyState>}
      {list.length > 0 && (
        <div class="panel">
          <table class="table table-spark" data-testid="routes-table">
            <thead>
              <tr>
                <th style={{ width: '6%' }}>Method</th>
                <th style={{ width: '22%' }}>Route</th>
                <th class="num" style={{ width: '7%' }}>
                  Rate
                </th>
                <th style={{ width: '17%' }} aria-label="Rate history" />
                <th class="num" style={{ width: '7%' }}>
                  Errors
                </th>
                <th style={{ width: '17%' }} aria-label="Error ratio history" />
                <th class="num" style={{ width: '7%' }}>
                  p99
                </th>
                <th style={{ width: '17%' }} aria-label="p99 history" />
              </tr>
            </thead>
            <tbody>
              {list.map((route) => {
                const rate = seriesColumns(route.history, 1);
                const errors = seriesColumns(route.history, 2);
                const p99 = seriesColumns(route.history, 3);
                return (
                  <tr
                    key={`${route.method} ${route.route}`}
                    data-testid="route-row"
                    data-route={route.route}
                    data-method={route.method}
                  >
                    <td class="mono">{route.method}</td>
                    <td class="mono">
                      <a
                        href={hrefFor('traces', { params: { route: route.route } })}
                        title="Traces of this route"
                      >
                        {route.route}
                      </a>
                    </td>
                    <td class="num">{formatRate(route.rate)}</td>
                    <td>
                      <Sparkline
                        xs={rate[0]}
                        ys={rate[1]}
                        color={COLORS.info}
                        floor={1}
                        label={`${route.route} rate`}
                      />
                    </td>
                    <td
                      class={
                        route.errorRatio >= 0.05
                          ? 'num bad-text'
                          : route.errorRatio >= 0.01
                            ? 'num warn-text'
                            : 'num'
                      }
                    >
                      {formatRatio(route.errorRatio)}
                    </td>
                    <td>
                      <Sparkline
                        xs={errors[0]}
                        ys={errors[1]}
                        color={COLORS.bad}
                        floor={0.05}
                        label={`${route.route} error ratio`}
                      />
                    </td>
                    <td class="num">{formatDuration(route.p99Ms)}</td>
                    <td>
                      <Sparkline
                        xs={p99[0]}
                        ys={p99[1]}
                        color={COLORS.purple}
                        floor={10}
                        label={`${route.route} p99`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
