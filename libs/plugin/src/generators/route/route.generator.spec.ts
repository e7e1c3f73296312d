import type { Tree } from '@nx/devkit';
import { junctionTree } from '../../workspace/workspace.fixture';
import { routeGenerator, type RouteGeneratorOptions } from './route.generator';

const FOLDER = 'apps/gateway/src/routes/get-products-by-id';
const DECLARATION = 'apps/gateway/src/upstreams/upstreams.declaration.ts';
const route: RouteGeneratorOptions = {
  method: 'GET',
  path: '/api/v1/products/:id',
  calls: 'catalog.GetProduct',
};

describe('route generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = junctionTree()));

  it('writes the route folder, its unit spec and an e2e spec in shop-e2e', async () => {
    await routeGenerator(tree, route);
    for (const file of [
      `${FOLDER}/get-products-by-id.controller.ts`,
      `${FOLDER}/get-products-by-id.controller.spec.ts`,
      `${FOLDER}/get-products-by-id.input.ts`,
      `${FOLDER}/get-products-by-id.module.ts`,
      'apps/shop-e2e/src/routes/get-products-by-id.spec.ts',
    ]) {
      expect(tree.exists(file)).toBe(true);
    }
    const controller = tree.read(`${FOLDER}/get-products-by-id.controller.ts`, 'utf-8')!;
    expect(controller).toContain("@Get('api/v1/products/:id')");
    expect(controller).toContain("@InjectUpstream('catalog')");
    expect(controller).toContain('this.catalog.getProduct({ id: input.id })');
    expect(tree.read(`${FOLDER}/get-products-by-id.input.ts`, 'utf-8')).toContain(
      'id: z.string().regex(',
    );
  });

  it('declares a service the gateway does not call yet, once, and imports the route module', async () => {
    await routeGenerator(tree, route);
    await routeGenerator(tree, { ...route, path: '/api/v1/catalog/:id' });
    const declaration = tree.read(DECLARATION, 'utf-8')!;
    expect(declaration.match(/^ {2}catalog: \{/gm)).toHaveLength(1);
    expect(declaration).toContain(
      "  catalog: {\n    definition: catalogV1.CatalogServiceDefinition,\n    staticAddress: '127.0.0.1:9101',\n  },\n} as const satisfies",
    );
    expect(declaration.match(/import \{ catalogV1 \} from '@junction\/contracts';/g)).toHaveLength(
      1,
    );
    const gateway = tree.read('apps/gateway/src/gateway.module.ts', 'utf-8')!;
    expect(gateway).toContain(
      "import { GetProductsByIdModule } from './routes/get-products-by-id/get-products-by-id.module';",
    );
    // However prettier wrapped it: the list holds all three, in order.
    expect(gateway).toMatch(
      /imports: \[\s*OrdersModule,\s+GetProductsByIdModule,\s+GetCatalogByIdModule,?\s*\],/,
    );
  });

  it('marks optional calls: null and degraded on failure', async () => {
    await routeGenerator(tree, { ...route, optional: 'catalog.GetProduct' });
    const controller = tree.read(`${FOLDER}/get-products-by-id.controller.ts`, 'utf-8')!;
    expect(controller).toContain("optionalSection(catalogGetProductResult, 'catalog', degraded)");
  });

  it.each([
    [{ method: 'FETCH' }, '"FETCH" is not one of GET, POST, PUT, PATCH, DELETE'],
    [{ path: '/products/:id' }, 'is not a route path'],
    [{ path: '/api/v1/Products' }, 'is not a route path'],
    [{ calls: '' }, '--calls names no <service>.<Rpc>'],
    [{ calls: 'catalog' }, '"catalog" is not <service>.<Rpc>'],
    [{ calls: 'pricing.GetPrice' }, '"pricing" is not a service of this workspace'],
    [{ calls: 'catalog.GetPrice' }, 'declares no rpc GetPrice'],
    [{ path: '/api/v1/products/:sku' }, 'path parameter :sku is no field'],
  ])('refuses %o and writes nothing', async (change, problem) => {
    const before = tree.listChanges().length;
    await expect(routeGenerator(tree, { ...route, ...change })).rejects.toThrow(problem);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a route that already has its folder', async () => {
    await routeGenerator(tree, route);
    await expect(routeGenerator(tree, route)).rejects.toThrow(`${FOLDER} already exists`);
  });
});
