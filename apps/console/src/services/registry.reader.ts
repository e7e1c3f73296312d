import type { CheckStatus, InstanceView, ServiceView } from '@junction/console-api';
import type Consul from 'consul';
import { catalogServicesSchema, healthEntriesSchema, type HealthEntry } from './registry.schema';

const RANK: Readonly<Record<CheckStatus, number>> = { passing: 0, warning: 1, critical: 2 };

/** Consul's check states as the console shows them; maintenance reads as critical. */
export function checkStatusOf(status: string): CheckStatus {
  return status === 'passing' || status === 'warning' ? status : 'critical';
}

/** The worst of `statuses`; an instance with no checks counts as passing, as Consul does. */
export const worstOf = (statuses: readonly CheckStatus[]): CheckStatus =>
  statuses.reduce<CheckStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'passing');

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port > 0 && port <= 65535 ? port : undefined;
}

export function toInstanceView(entry: HealthEntry): InstanceView {
  const meta = entry.Service.Meta ?? {};
  const checks = (entry.Checks ?? [])
    .filter((check) => check.ServiceID === '' || check.ServiceID === entry.Service.ID)
    .map((check) => ({
      name: check.Name || check.CheckID,
      status: checkStatusOf(check.Status),
      output: check.Output,
    }));
  const metricsPort = parsePort(meta['metrics_port']);
  return {
    id: entry.Service.ID,
    address: entry.Service.Address || entry.Node.Address,
    port: entry.Service.Port,
    ...(metricsPort === undefined ? {} : { metricsPort }),
    meta,
    status: worstOf(checks.map((check) => check.status)),
    checks,
  };
}

/**
 * Every service the registry knows, with every instance and its checks
 * (passing or not: the console shows what is down too), sorted by name.
 */
export async function readRegistry(consul: Consul, timeoutMs: number): Promise<ServiceView[]> {
  const names = Object.keys(
    catalogServicesSchema.parse(await consul.catalog.service.list({ timeout: timeoutMs } as never)),
  ).sort();
  return Promise.all(
    names.map(async (name) => {
      const entries = healthEntriesSchema.parse(
        await consul.health.service({ service: name, timeout: timeoutMs } as never),
      );
      return {
        name,
        instances: entries.map(toInstanceView).sort((a, b) => a.id.localeCompare(b.id)),
      };
    }),
  );
}
