import { useMemo } from 'preact/hooks';
import { useLive } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { navigate } from '../shell/hash-route.hook';
import { formatDuration, formatRate, formatRatio } from '../shared/display.format';
import { EmptyState } from '../shared/empty.state';
import { StatusBadge } from '../shared/status.badge';
import { mapElements } from './map.elements';
import { ServiceMapGraph } from './service-map.graph';

/** Who calls whom, and how those calls are doing. */
export function MapPage() {
  const { map } = useLive();
  const elements = useMemo(() => (map ? mapElements(map) : { nodes: [], edges: [] }), [map]);
  const showTraces = (service: string) => navigate(hrefFor('traces', { params: { service } }));
  return (
    <section class="page">
      <div class="page-head">
        <h1>Service map</h1>
        <span class="muted">
          {map
            ? `Calls over the last ${map.windowSeconds} s, from the registry and observed spans`
            : 'Waiting for data…'}
        </span>
        <span class="legend">
          <span class="legend-item tone-good">passing</span>
          <span class="legend-item tone-warn">warning</span>
          <span class="legend-item tone-bad">critical</span>
          <span class="legend-item tone-muted">not registered</span>
        </span>
      </div>
      <div class="panel map-panel">
        <ServiceMapGraph nodes={elements.nodes} edges={elements.edges} onSelect={showTraces} />
      </div>
      <div class="panel">
        <div class="panel-title">Calls</div>
        {elements.edges.length === 0 ? (
          <EmptyState>No calls observed yet.</EmptyState>
        ) : (
          <table class="table" data-testid="map-edges">
            <thead>
              <tr>
                <th>Caller</th>
                <th>Callee</th>
                <th class="num">Rate</th>
                <th class="num">Errors</th>
                <th class="num">p99</th>
              </tr>
            </thead>
            <tbody>
              {(map?.edges ?? []).map((edge) => (
                <tr
                  key={`${edge.from}→${edge.to}`}
                  data-testid="map-edge"
                  data-from={edge.from}
                  data-to={edge.to}
                >
                  <td>{edge.from}</td>
                  <td>{edge.to}</td>
                  <td class="num">{formatRate(edge.rate)}</td>
                  <td class="num">
                    <StatusBadge
                      status={formatRatio(edge.errorRatio)}
                      tone={
                        edge.errorRatio >= 0.05 ? 'bad' : edge.errorRatio >= 0.01 ? 'warn' : 'muted'
                      }
                    />
                  </td>
                  <td class="num">{formatDuration(edge.p99Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
