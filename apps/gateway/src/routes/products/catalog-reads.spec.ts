import { catalogV1 } from '@junction/contracts';
import {
  createGrpcClient,
  GrpcCallError,
  GrpcStatus,
  type UnaryHandler,
} from '@junction/grpc-client';
import { defaultClientPolicy, resilientChain } from '@junction/resilience';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { gatewayRuntimeSchema } from '@junction/runtime-schemas';
import { CatalogReads } from './catalog-reads';

const product = (id: string): catalogV1.GetProductResponse => ({
  product: { id, name: `P${id}`, description: '', priceCents: 100, currency: 'EUR' },
});

/** CatalogReads over the real client chain, with a fake upstream at its end. */
function readsOver(upstream: UnaryHandler, staleMaxAgeMs = 60_000) {
  const chain = resilientChain({
    policy: () => ({
      ...defaultClientPolicy(),
      retry: { ...defaultClientPolicy().retry, maxAttempts: 1 },
    }),
  });
  const client = createGrpcClient(catalogV1.CatalogServiceDefinition, {
    upstream: 'catalog',
    handler: chain.middleware(upstream),
    defaultTimeoutMs: 1_000,
  });
  const reads = new CatalogReads(
    client,
    new GatewayRuntimeConfig(
      { current: gatewayRuntimeSchema.parse({}), loaded: true, stop: async () => undefined },
      2_000,
    ),
    {
      staleMaxAgeMs,
      staleMaxEntries: 100,
    },
  );
  return { reads, close: () => chain.breakers.close() };
}

const fail = (code: GrpcStatus) =>
  new GrpcCallError(code, 'x', 'catalog', '/catalog.v1.CatalogService/GetProduct');

describe('catalog reads', () => {
  it('serves the last good copy, marked stale, when the catalog fails', async () => {
    let down = false;
    const { reads, close } = readsOver(async (call) => {
      if (down) throw fail(GrpcStatus.UNAVAILABLE);
      return product((call.request as { id: string }).id);
    });
    await expect(reads.getProduct('7')).resolves.toEqual({ value: product('7'), stale: false });
    down = true;
    await expect(reads.getProduct('7')).resolves.toEqual({ value: product('7'), stale: true });
    close();
  });

  it('fails as before when there is no copy', async () => {
    const { reads, close } = readsOver(() => Promise.reject(fail(GrpcStatus.UNAVAILABLE)));
    await expect(reads.getProduct('8')).rejects.toMatchObject({ code: GrpcStatus.UNAVAILABLE });
    close();
  });

  it('never hides a business answer behind a copy', async () => {
    let gone = false;
    const { reads, close } = readsOver(async () => {
      if (gone) throw fail(GrpcStatus.NOT_FOUND);
      return product('9');
    });
    await reads.getProduct('9');
    gone = true;
    await expect(reads.getProduct('9')).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
    close();
  });

  it('keeps pages apart from products', async () => {
    let down = false;
    const page: catalogV1.ListProductsResponse = {
      products: [product('1').product!],
      nextPageToken: '',
    };
    const { reads, close } = readsOver(async (call) => {
      if (down) throw fail(GrpcStatus.INTERNAL);
      return call.method.name === 'ListProducts' ? page : product('1');
    });
    await reads.listProducts({ pageSize: 1, pageToken: '' });
    down = true;
    await expect(reads.listProducts({ pageSize: 1, pageToken: '' })).resolves.toEqual({
      value: page,
      stale: true,
    });
    await expect(reads.listProducts({ pageSize: 2, pageToken: '' })).rejects.toMatchObject({
      code: GrpcStatus.INTERNAL,
    });
    close();
  });
});
