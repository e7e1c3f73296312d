import type { Tree } from '@nx/devkit';
import { junctionTree } from '../../workspace/workspace.fixture';
import { rpcGenerator, type RpcGeneratorOptions } from './rpc.generator';

const generate = (tree: Tree, options: Omit<RpcGeneratorOptions, 'skipContracts'>) =>
  rpcGenerator(tree, { ...options, skipContracts: true });

const PROTO = 'proto/catalog/v1/catalog.proto';
const CONTROLLER = 'apps/catalog/src/grpc/catalog.controller.ts';

describe('rpc generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = junctionTree()));

  it('adds the RPC inside the service, and its empty messages at the end of the proto', async () => {
    await generate(tree, { service: 'catalog', rpc: 'GetPrice', idempotency: 'no-side-effects' });
    const proto = tree.read(PROTO, 'utf-8')!;
    expect(proto).toContain(
      [
        '  }',
        '  // Answers UNIMPLEMENTED until its handler is written.',
        '  rpc GetPrice(GetPriceRequest) returns (GetPriceResponse) {',
        '    option idempotency_level = NO_SIDE_EFFECTS;',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(proto.endsWith('message GetPriceRequest {}\n\nmessage GetPriceResponse {}\n')).toBe(
      true,
    );
  });

  it('declares an RPC of unknown idempotency without an option', async () => {
    await generate(tree, { service: 'catalog', rpc: 'Reprice' });
    expect(tree.read(PROTO, 'utf-8')).toContain(
      '  rpc Reprice(RepriceRequest) returns (RepriceResponse);\n}',
    );
  });

  it('adds a handler answering UNIMPLEMENTED, importing what it throws, and a spec saying so', async () => {
    await generate(tree, { service: 'catalog', rpc: 'GetPrice' });
    const controller = tree.read(CONTROLLER, 'utf-8')!;
    expect(controller).toContain(
      "import { parseRequest, type GrpcHandlers, unimplemented } from '@junction/grpc-server';",
    );
    expect(controller).toMatch(
      /@GrpcMethod\(SERVICE, 'GetPrice'\)\n\s+getPrice\(_request: catalogV1\.GetPriceRequest\): catalogV1\.GetPriceResponse \{\n\s+throw unimplemented\('GetPrice is not implemented yet'\);\n\s+\}\n\}\n$/,
    );
    const spec = tree.read('apps/catalog/src/grpc/get-price.unimplemented.spec.ts', 'utf-8');
    expect(spec).toContain('controller.getPrice({})');
    expect(spec).toContain('code: Status.UNIMPLEMENTED');
  });

  it.each([
    [{ service: 'catalog', rpc: 'getPrice' }, '"getPrice" is not an RPC name'],
    [{ service: 'catalog', rpc: 'Get_Price' }, '"Get_Price" is not an RPC name'],
    [
      { service: 'pricing', rpc: 'GetPrice' },
      '"pricing" is not a service of this workspace (services: catalog)',
    ],
    [
      { service: 'catalog', rpc: 'GetProduct' },
      `${PROTO} already declares GetProduct, GetProductRequest, GetProductResponse`,
    ],
    [
      { service: 'catalog', rpc: 'GetPrice', idempotency: 'sometimes' },
      'idempotency "sometimes" is not one of',
    ],
  ])('refuses %o and writes nothing', async (options, problem) => {
    const before = tree.listChanges().length;
    await expect(generate(tree, options as RpcGeneratorOptions)).rejects.toThrow(problem);
    expect(tree.listChanges()).toHaveLength(before);
  });
});
