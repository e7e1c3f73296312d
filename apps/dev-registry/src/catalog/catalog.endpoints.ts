import { blockingQuery } from '../http/blocking-query';
import { badRequest } from '../http/http-error';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import type { RegistryDeps } from '../registry-deps';
import type { NodeCatalog } from './node-catalog';
import {
  catalogHeaders,
  hasAllTags,
  nodeMetaMatches,
  parseReadOptions,
  refuseRpc,
} from './read-params';
import { serviceNodeView } from './views';

/** GET /v1/catalog/services and /v1/catalog/service/:name (§4); both blocking. */
export function mountCatalogReads(router: Router, deps: RegistryDeps, catalog: NodeCatalog): void {
  const { node } = deps;
  router.handle('/v1/catalog/services', ['GET'], async ({ query, signal }) => {
    const consistency = parseReadOptions(query);
    refuseRpc(query, node.datacenter);
    const result = await blockingQuery(
      query,
      signal,
      () => ({
        index: catalog.indexes.forServicesTable(),
        value: nodeMetaMatches(query) ? catalog.serviceTags() : {},
      }),
      deps,
    );
    return json(result.value, catalogHeaders(result.index, consistency));
  });

  router.handle('/v1/catalog/service/', ['GET'], async ({ param: name, query, signal }) => {
    const consistency = parseReadOptions(query);
    if (name === '') throw badRequest('Missing service name');
    refuseRpc(query, node.datacenter);
    const tags = query.getAll('tag');
    const result = await blockingQuery(
      query,
      signal,
      () => ({
        index: catalog.indexes.forService(name),
        value: nodeMetaMatches(query)
          ? catalog
              .instancesOf(name)
              .filter((i) => hasAllTags(i.service.Tags, tags))
              .map((i) => serviceNodeView(node, i.service))
          : [],
      }),
      deps,
    );
    return json(result.value, catalogHeaders(result.index, consistency));
  });
}
