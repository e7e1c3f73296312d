import { blockingQuery } from '../http/blocking-query';
import { badRequest, HttpError } from '../http/http-error';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import type { RegistryDeps } from '../registry-deps';
import type { Instance, NodeCatalog } from './node-catalog';
import {
  catalogHeaders,
  matchingInstances,
  parseBoolParam,
  parseReadOptions,
  rpcRead,
} from './read-params';
import { healthCheckView, nodeServiceView, nodeView } from './views';

type Entry = ReturnType<typeof entryView>;

/** GET /v1/health/service/:name (§3.1–3.3). */
export function mountHealth(router: Router, deps: RegistryDeps, catalog: NodeCatalog): void {
  const { node } = deps;
  router.handle('/v1/health/service/', ['GET'], async ({ param: name, query, signal }) => {
    const consistency = parseReadOptions(query);
    if (name === '') throw badRequest('Missing service name');
    const result = await rpcRead(query, node.datacenter, async (filter) => {
      const read = await blockingQuery(
        query,
        signal,
        () => ({
          index: catalog.indexes.forService(name),
          // Views are taken now: records change after the query returns.
          value: matchingInstances(catalog, name, query).map((i) => ({
            entry: entryView(catalog, i),
            service: i.service,
          })),
        }),
        deps,
      );
      // The filter runs per entry once the index is taken (§3.1), on the
      // Go struct's shape: Port is there even when the JSON omits it.
      const kept = filter
        ? filter.select(read.value, ({ entry, service }) => ({
            ...entry,
            Service: { ...entry.Service, Port: service.Port },
          }))
        : read.value;
      return { index: read.index, value: kept.map(({ entry }) => entry) };
    });
    const headers = catalogHeaders(result.index, consistency);
    // Consul parses ?passing after the query, so a blocking request gets
    // its 400 only when the wait is over (with the query's meta headers).
    const passing = parseBoolParam(query, 'passing');
    if (passing === undefined) throw new HttpError(400, 'Invalid value for ?passing', headers);
    const entries = passing ? filterNonPassing(result.value) : result.value;
    return json(entries, headers);
  });
}

function entryView(catalog: NodeCatalog, { service, checks }: Instance) {
  return {
    Node: nodeView(catalog.node, catalog.nodeIndex),
    Service: nodeServiceView(service),
    Checks: checks.map((c) => healthCheckView(c, catalog.node.name, false)),
  };
}

/**
 * Consul's filterNonPassing: any check not exactly `passing` (warning
 * included, node checks included) drops the instance, swapped with the
 * tail, so the order of the survivors is not stable.
 */
function filterNonPassing(entries: Entry[]): Entry[] {
  const out = [...entries];
  let n = out.length;
  for (let i = 0; i < n; i++) {
    if (out[i].Checks.some((c) => c.Status !== 'passing')) {
      [out[i], out[n - 1]] = [out[n - 1], out[i]];
      n--;
      i--;
    }
  }
  return out.slice(0, n);
}
