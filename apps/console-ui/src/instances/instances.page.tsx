import type { CheckStatus, ServiceView } from '@junction/console-api';
import { useLive } from '../shell/app.context';
import { EmptyState } from '../shared/empty.state';
import { StatusBadge } from '../shared/status.badge';

const WORST: Record<CheckStatus, number> = { passing: 0, warning: 1, critical: 2 };

function serviceStatus(service: ServiceView): CheckStatus | 'none' {
  if (service.instances.length === 0) return 'none';
  return service.instances.reduce<CheckStatus>(
    (worst, instance) => (WORST[instance.status] > WORST[worst] ? instance.status : worst),
    'passing',
  );
}

/** Every registered instance with each of its health checks. */
export function InstancesPage() {
  const { services } = useLive();
  const list = [...(services?.services ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section class="page">
      <div class="page-head">
        <h1>Instances</h1>
        <span class="muted">Health as the registry reports it, per check</span>
      </div>
      {!services && <EmptyState>Waiting for the registry…</EmptyState>}
      {services && list.length === 0 && <EmptyState>No services registered.</EmptyState>}
      {list.map((service) => {
        const passing = service.instances.filter((i) => i.status === 'passing').length;
        const status = serviceStatus(service);
        return (
          <div
            class="panel"
            key={service.name}
            data-testid="service-panel"
            data-service={service.name}
          >
            <div class="panel-title">
              <span class="service-name">{service.name}</span>
              <StatusBadge
                status={status === 'none' ? 'no instances' : status}
                tone={status === 'none' ? 'bad' : undefined}
              />
              <span class="muted">
                {passing} of {service.instances.length} passing
              </span>
            </div>
            {service.instances.length > 0 && (
              <table class="table">
                <thead>
                  <tr>
                    <th style={{ width: '28%' }}>Instance</th>
                    <th style={{ width: '14%' }}>Address</th>
                    <th style={{ width: '8%' }}>Metrics</th>
                    <th style={{ width: '9%' }}>Status</th>
                    <th>Checks</th>
                  </tr>
                </thead>
                <tbody>
                  {service.instances.map((instance) => (
                    <tr
                      key={instance.id}
                      data-testid="instance-row"
                      data-service={service.name}
                      data-instance={instance.id}
                      data-status={instance.status}
                    >
                      <td class="mono">{instance.id}</td>
                      <td class="mono">
                        {instance.address}:{instance.port}
                      </td>
                      <td class="mono">{instance.metricsPort ?? '–'}</td>
                      <td>
                        <StatusBadge status={instance.status} />
                      </td>
                      <td>
                        <ul class="checks">
                          {instance.checks.map((check) => (
                            <li
                              key={check.name}
                              data-testid="check"
                              data-check={check.name}
                              data-status={check.status}
                            >
                              <StatusBadge status={check.status} />
                              <span class="check-name">{check.name}</span>
                              {check.output && (
                                <span class="check-output" title={check.output}>
                                  {check.output}
                                </span>
                              )}
                            </li>
                          ))}
                          {instance.checks.length === 0 && <li class="muted">no checks</li>}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}
