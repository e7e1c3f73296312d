import { formatFiles, type Tree } from '@nx/devkit';
import { controllerFile, inputFile, moduleFile } from './route-files';
import { routeRequest } from './route-request';
import { controllerSpecFile, e2eSpecFile } from './route-tests';
import { declareUpstreams, importRouteModule } from './gateway-wiring';

export interface RouteGeneratorOptions {
  readonly method: string;
  readonly path: string;
  readonly calls: string;
  readonly optional?: string;
}

/**
 * `nx g @junction/plugin:route GET /api/v1/price-quotes/:id --calls price-quotes.GetItem`:
 * a route folder in the gateway (controller with the typed resilient clients,
 * a fallback per optional call, OpenAPI schema, validated input, problem
 * details on failure), its unit and e2e tests, and each new upstream
 * declared. Refused, with nothing written, for a bad method, path or call.
 */
export async function routeGenerator(tree: Tree, options: RouteGeneratorOptions): Promise<void> {
  const route = routeRequest(tree, options);
  const folder = `apps/gateway/src/routes/${route.name}`;
  if (tree.exists(folder))
    throw new Error(`${folder} already exists: ${route.method} ${route.path} has a route`);
  tree.write(`${folder}/${route.name}.input.ts`, inputFile(route));
  tree.write(`${folder}/${route.name}.controller.ts`, controllerFile(route));
  tree.write(`${folder}/${route.name}.module.ts`, moduleFile(route));
  tree.write(`${folder}/${route.name}.controller.spec.ts`, controllerSpecFile(route));
  tree.write(`apps/shop-e2e/src/routes/${route.name}.spec.ts`, e2eSpecFile(route));
  declareUpstreams(tree, route);
  importRouteModule(tree, route);
  await formatFiles(tree);
}

export default routeGenerator;
