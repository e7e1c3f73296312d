import type { ServiceMapView, ServiceView } from '@junction/console-api';
import { worstOf } from '../services/registry.reader';
import type { CallEdges } from './call-edges';

/**
 * Nodes are the registry's services (passing when every instance passes,
 * warning when some do not, critical when none pass), plus any service seen
 * only in calls (no instances: critical); edges are observed calls.
 */
export function serviceMap(services: readonly ServiceView[], calls: CallEdges): ServiceMapView {
  const known = new Set(services.map((service) => service.name));
  const edges = calls.edges();
  const nodes = services.map((service) => {
    const statuses = service.instances.map((instance) => instance.status);
    const passing = statuses.filter((status) => status === 'passing').length;
    return {
      name: service.name,
      instances: service.instances.length,
      status:
        statuses.length === 0 || passing === 0
          ? ('critical' as const)
          : passing === statuses.length
            ? worstOf(statuses)
            : ('warning' as const),
    };
  });
  for (const name of new Set(edges.flatMap((edge) => [edge.from, edge.to]))) {
    if (!known.has(name)) nodes.push({ name, instances: 0, status: 'critical' });
  }
  return {
    nodes: nodes.sort((a, b) => a.name.localeCompare(b.name)),
    edges,
    windowSeconds: calls.windowSeconds,
  };
}
