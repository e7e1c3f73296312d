import { catalogV1 } from '@junction/contracts';
import { toPackageDefinition } from './package-definition';

interface MethodShape {
  path: string;
  originalName: string;
  requestStream: boolean;
  requestSerialize(m: unknown): Buffer;
  requestDeserialize(b: Buffer): unknown;
}

describe('toPackageDefinition', () => {
  const definition = toPackageDefinition([catalogV1.CatalogServiceDefinition]);
  const service = definition['catalog.v1.CatalogService'] as unknown as Record<string, MethodShape>;

  it('names each method by its RPC and full path', () => {
    expect(Object.keys(service)).toEqual(['GetProduct', 'ListProducts', 'BatchGetProducts']);
    expect(service.GetProduct.path).toBe('/catalog.v1.CatalogService/GetProduct');
    expect(service.GetProduct.originalName).toBe('getProduct');
    expect(service.GetProduct.requestStream).toBe(false);
  });

  it('round-trips messages through the generated codecs', () => {
    const bytes = service.BatchGetProducts.requestSerialize({ ids: ['1', '22'] });
    expect(service.BatchGetProducts.requestDeserialize(bytes)).toEqual({ ids: ['1', '22'] });
  });
});
