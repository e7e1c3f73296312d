import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

/** An in-memory workspace with the parts the generators edit: contracts' index and one service. */
export function junctionTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // As the workspace formats (prettier, not the empty workspace's oxfmt).
  // Named .prettierrc: formatFiles resolves config on the real disk, except
  // a .prettierrc changed in the tree, which it applies.
  tree.delete('.oxfmtrc.json');
  tree.write(
    '.prettierrc',
    JSON.stringify({ singleQuote: true, printWidth: 100, trailingComma: 'all' }),
  );
  tree.write(
    'libs/contracts/src/index.ts',
    [
      "export * as catalogV1 from './generated/catalog/v1/catalog';",
      "export * as healthV1 from './generated/grpc/health/v1/health';",
      "export { isProductId } from './id-formats';",
      '',
    ].join('\n'),
  );
  addProjectConfiguration(tree, 'catalog', {
    root: 'apps/catalog',
    projectType: 'application',
    tags: ['type:app', 'role:service'],
  });
  tree.write(
    'apps/catalog/src/config/catalog.config.ts',
    "export const catalogConfigSchema = z.object({ ...grpcServiceEnv('CATALOG', 9101) });\n",
  );
  tree.write(
    'proto/catalog/v1/catalog.proto',
    [
      'syntax = "proto3";',
      '',
      'package catalog.v1;',
      '',
      'service CatalogService {',
      '  rpc GetProduct(GetProductRequest) returns (GetProductResponse) {',
      '    option idempotency_level = NO_SIDE_EFFECTS;',
      '  }',
      '}',
      '',
      'message GetProductRequest {',
      '  string id = 1;',
      '}',
      '',
      'message GetProductResponse {}',
      '',
    ].join('\n'),
  );
  tree.write(
    'apps/catalog/src/grpc/catalog.controller.ts',
    [
      "import { Controller } from '@nestjs/common';",
      "import { GrpcMethod } from '@nestjs/microservices';",
      "import { catalogV1 } from '@junction/contracts';",
      "import { parseRequest, type GrpcHandlers } from '@junction/grpc-server';",
      '',
      'const SERVICE = catalogV1.CatalogServiceDefinition.name;',
      '',
      '@Controller()',
      'export class CatalogController implements GrpcHandlers<catalogV1.CatalogServiceDefinition> {',
      "  @GrpcMethod(SERVICE, 'GetProduct')",
      '  getProduct(request: catalogV1.GetProductRequest): catalogV1.GetProductResponse {',
      '    return parseRequest(schema, request);',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  tree.write(
    'apps/gateway/src/upstreams/upstreams.declaration.ts',
    [
      "import { inventoryV1 } from '@junction/contracts';",
      '',
      'export const UPSTREAMS = {',
      '  inventory: {',
      '    definition: inventoryV1.InventoryServiceDefinition,',
      "    staticAddress: '127.0.0.1:9102',",
      '  },',
      '} as const satisfies Record<string, UpstreamDeclaration>;',
      '',
    ].join('\n'),
  );
  tree.write(
    'apps/gateway/src/gateway.module.ts',
    [
      "import { Module } from '@nestjs/common';",
      "import { OrdersModule } from './routes/orders/orders.module';",
      '',
      '@Module({})',
      'export class GatewayModule {',
      '  static register() {',
      '    return {',
      '      module: GatewayModule,',
      '      imports: [',
      '        OrdersModule,',
      '      ],',
      '    };',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return tree;
}

/** What a refused generation must leave: no change at all. */
export const changedFiles = (tree: Tree): string[] => tree.listChanges().map((c) => c.path);
