import { blockingQuery } from '../http/blocking-query';
import { badRequest } from '../http/http-error';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import type { RegistryDeps } from '../registry-deps';
import type { NodeCatalog } from './node-catalog';
import {
  catalogHeaders,
  matchingInstances,
  nodeMetaMatches,
  parseReadOptions,
  rpcRead,
} from './read-params';
import { serviceNodeView } from './views';

/**
 * GET /v1/catalog/services and /v1/catalog/service/:name (§4); both blocking.
 * `?filter` runs over ServiceNode entries in both, as Consul's
 * Catalog.ListServices / ServiceNodes RPCs do, after the index is taken.
 */
export function mountCatalogReads(router: Router, deps: RegistryDeps, catalog: NodeCatalog): void {
  const { node } = deps;
  router.handle('/v1/catalog/services', ['GET'], async ({ query, signal }) => {
    const consistency = parseReadOptions(query);
    const result = await rpcRead(query, node.datacenter, async (filter) => {
      const read = await blockingQuery(
        query,
        signal,
        () => ({
          index: catalog.indexes.forServicesTable(),
          value: nodeMetaMatches(query) ? catalog.allServices() : [],
        }),
        deps,
      );
      const services = filter
        ? filter.select(read.value, (s) => serviceNodeView(node, s))
        : read.value;
      return { index: read.index, value: catalog.serviceTags(services) };
    });
    return json(result.value, catalogHeaders(result.index, consistency));
  });

  router.handle('/v1/catalog/service/', ['GET'], async ({ param: name, query, signal }) => {
    const consistency = parseReadOptions(query);
    if (name === '') throw badRequest('Missing service name');
    const result = await rpcRead(query, node.datacenter, async (filter) => {
      const read = await blockingQuery(
        query,
        signal,
        () => ({
          index: catalog.indexes.forService(name),
          value: matchingInstances(catalog, name, query).map((i) =>
            serviceNodeView(node, i.service),
          ),
        }),
        deps,
      );
      return { index: read.index, value: filter ? filter.select(read.value) : read.value };
    });
    return json(result.value, catalogHeaders(result.index, consistency));
  });
}
