import type { Tree } from '@nx/devkit';
import { bundleTarget } from '../../inference/bundle-target.plugin';
import { junctionTree } from '../../workspace/workspace.fixture';
import { serviceGenerator } from './service.generator';

const generate = (tree: Tree, name: string, port?: number) =>
  serviceGenerator(tree, { name, port, skipContracts: true });

describe('service generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = junctionTree()));

  it('writes the proto, the app tagged role:service and its tests, and exports the contracts', async () => {
    await generate(tree, 'price-quotes');
    for (const file of [
      'proto/price_quotes/v1/price_quotes.proto',
      'apps/price-quotes/project.json',
      'apps/price-quotes/package.json',
      'apps/price-quotes/tsconfig.app.json',
      'apps/price-quotes/jest.config.cjs',
      'apps/price-quotes/src/main.ts',
      'apps/price-quotes/src/price-quotes.module.ts',
      'apps/price-quotes/src/config/price-quotes.config.ts',
      'apps/price-quotes/src/grpc/price-quotes.controller.ts',
      'apps/price-quotes/src/grpc/price-quotes.controller.spec.ts',
      'apps/price-quotes/src/domain/item-lookup.use-case.ts',
      'apps/price-quotes/src/domain/item.repository.ts',
      'apps/price-quotes/src/data/in-memory-item.repository.ts',
    ]) {
      expect(tree.exists(file)).toBe(true);
    }
    expect(JSON.parse(tree.read('apps/price-quotes/project.json', 'utf-8')!).tags).toEqual([
      'type:app',
      'role:service',
    ]);
    expect(tree.read('libs/contracts/src/index.ts', 'utf-8')).toContain(
      "export * as healthV1 from './generated/grpc/health/v1/health';\nexport * as priceQuotesV1 from './generated/price_quotes/v1/price_quotes';\n",
    );
  });

  it('gets the bundle target every app has (inferred from its project.json and main)', async () => {
    await generate(tree, 'price-quotes');
    const project = JSON.parse(tree.read('apps/price-quotes/project.json', 'utf-8')!);
    expect(bundleTarget(project, tree.exists('apps/price-quotes/src/main.ts'))).toMatchObject({
      options: { command: 'node tools/scripts/bundle-apps.mjs price-quotes' },
    });
  });

  it('declares the service in one call: its name, contracts, config and module', async () => {
    await generate(tree, 'price-quotes');
    const main = tree.read('apps/price-quotes/src/main.ts', 'utf-8');
    expect(main).toContain("name: 'price-quotes'");
    expect(main).toContain('services: [priceQuotesV1.PriceQuotesServiceDefinition]');
    expect(main).toContain('module: PriceQuotesModule');
  });

  it('gives the sample RPC an idempotency level, in package price_quotes.v1', async () => {
    await generate(tree, 'price-quotes');
    const proto = tree.read('proto/price_quotes/v1/price_quotes.proto', 'utf-8');
    expect(proto).toContain('package price_quotes.v1;');
    expect(proto).toMatch(
      /rpc GetItem\(GetItemRequest\) returns \(GetItemResponse\) \{\n\s+\/\/.*\n\s+option idempotency_level = NO_SIDE_EFFECTS;/,
    );
  });

  it('defaults to the first port no service declares, or the one asked for', async () => {
    await generate(tree, 'quotes');
    expect(tree.read('apps/quotes/src/config/quotes.config.ts', 'utf-8')).toContain(
      "grpcServiceEnv('QUOTES', 9102)",
    );
    await generate(tree, 'rates', 9150);
    expect(tree.read('apps/rates/src/config/rates.config.ts', 'utf-8')).toContain(
      "grpcServiceEnv('RATES', 9150)",
    );
  });

  it.each([
    ['PriceQuotes', 'is not kebab-case'],
    ['price_quotes', 'is not kebab-case'],
    ['price--quotes', 'is not kebab-case'],
    ['9lives', 'is not kebab-case'],
    ['', 'is not kebab-case'],
    ['gateway', 'is reserved by the platform'],
    ['message', 'is reserved by the platform'],
    ['quotes-e2e', 'names end-to-end suites'],
    ['catalog', 'a project named "catalog" already exists'],
    ['a'.repeat(41), 'is longer than 40 characters'],
  ])('refuses "%s" (%s) and writes nothing', async (name, problem) => {
    const before = tree.listChanges().length;
    await expect(generate(tree, name)).rejects.toThrow(problem);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a port another service already has, and writes nothing', async () => {
    const before = tree.listChanges().length;
    await expect(generate(tree, 'quotes', 9101)).rejects.toThrow(
      "port 9101 is already another service's default",
    );
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a name whose proto package already exists', async () => {
    tree.write('proto/price_quotes/v1/other.proto', 'syntax = "proto3";\n');
    await expect(generate(tree, 'price-quotes')).rejects.toThrow(
      'proto/price_quotes/v1 already exists',
    );
  });
});
