import { useMemo } from 'preact/hooks';
import type { Api } from '../api';
import { useApp, useLive } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { navigate } from '../shell/hash-route.hook';
import { EmptyState } from '../shared/empty.state';
import { JsonEditor, type EditorTarget } from './json.editor';

/** Apps with a runtime config schema (libs/runtime-schemas); the console refuses any other. */
const CONFIG_APPS = ['gateway', 'orders'];

const FAULT_EXAMPLE =
  '{ "latencyMs": 200, "errorRate": 0.3, "errorCode": "UNAVAILABLE", "methods": ["ListReviews"] }';
const CONFIG_EXAMPLES: Record<string, string> = {
  gateway:
    '{ "upstreams": { "reviews": { "forceDegraded": true } }, "rateLimit": { "points": 600, "durationS": 60 } }',
  orders: '{ "upstreams": { "inventory": { "timeoutMs": 800 } } }',
};

function faultTarget(api: Api, service: string): EditorTarget {
  return {
    kind: 'faults',
    name: service,
    key: `junction/faults/${service}`,
    example: FAULT_EXAMPLE,
    load: () => api.faults(service),
    save: (document) => api.putFaults(service, document),
    reset: {},
  };
}

function configTarget(api: Api, app: string): EditorTarget {
  return {
    kind: 'config',
    name: app,
    key: `junction/config/${app}`,
    example: CONFIG_EXAMPLES[app] ?? '{}',
    load: () => api.config(app),
    save: (document) => api.putConfig(app, document),
  };
}

/** Fault injection per gRPC service and runtime config per app, both Consul KV documents. */
export function FaultsPage({ params }: { params: Readonly<Record<string, string>> }) {
  const { api } = useApp();
  const { services } = useLive();
  const faultServices = useMemo(
    () =>
      (services?.services ?? [])
        .map((s) => s.name)
        .filter((name) => name !== 'gateway')
        .sort(),
    [services],
  );
  const kind = params['kind'] === 'config' ? 'config' : 'faults';
  const name = params['target'] ?? (kind === 'config' ? CONFIG_APPS[0] : faultServices[0]);
  const target = useMemo(
    () =>
      name === undefined
        ? undefined
        : kind === 'config'
          ? configTarget(api, name)
          : faultTarget(api, name),
    [api, kind, name],
  );
  const choose = (nextKind: 'faults' | 'config', nextTarget: string) =>
    navigate(hrefFor('faults', { params: { kind: nextKind, target: nextTarget } }), {
      replace: true,
    });

  return (
    <section class="page">
      <div class="page-head">
        <h1>Faults &amp; runtime config</h1>
        <span class="muted">
          Written to Consul KV: every instance applies the change, no restart
        </span>
      </div>
      <div class="split">
        <nav class="panel side-list" aria-label="Documents">
          <div class="side-title">Fault injection</div>
          {faultServices.length === 0 && <div class="muted small side-item">no services yet</div>}
          {faultServices.map((service) => (
            <button
              key={service}
              type="button"
              class={kind === 'faults' && name === service ? 'side-item active' : 'side-item'}
              data-testid="editor-target"
              data-kind="faults"
              data-target={service}
              onClick={() => choose('faults', service)}
            >
              {service}
            </button>
          ))}
          <div class="side-title">Runtime config</div>
          {CONFIG_APPS.map((app) => (
            <button
              key={app}
              type="button"
              class={kind === 'config' && name === app ? 'side-item active' : 'side-item'}
              data-testid="editor-target"
              data-kind="config"
              data-target={app}
              onClick={() => choose('config', app)}
            >
              {app}
            </button>
          ))}
        </nav>
        <div class="panel grow">
          {target ? (
            <JsonEditor key={`${kind}/${name}`} target={target} />
          ) : (
            <EmptyState>Waiting for the registry…</EmptyState>
          )}
        </div>
      </div>
    </section>
  );
}
