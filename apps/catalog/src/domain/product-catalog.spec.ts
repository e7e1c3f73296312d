import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { InMemoryProductRepository } from '../data/in-memory-product.repository';
import { seedProducts } from '../data/product.seed';
import { encodePageToken } from './page-token';
import { ProductCatalog } from './product-catalog';

const catalog = new ProductCatalog(new InMemoryProductRepository(seedProducts(45)));

describe('ProductCatalog', () => {
  it('returns a seeded product by id', () => {
    expect(catalog.get('7')).toMatchObject({ id: '7', currency: 'EUR' });
  });

  it('rejects an unknown id with NOT_FOUND', async () => {
    expect((await statusErrorOf(() => catalog.get('46'))).code).toBe(Status.NOT_FOUND);
  });

  it('pages through every product once, in id order', () => {
    const seen: string[] = [];
    let token = '';
    do {
      const page = catalog.list(20, token);
      seen.push(...page.products.map((p) => p.id));
      token = page.nextPageToken;
    } while (token);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
  });

  it('uses a page size of 20 when none is given', () => {
    expect(catalog.list(0, '').products).toHaveLength(20);
  });

  it('ends with an empty next token on the last page', () => {
    expect(catalog.list(10, encodePageToken(40)).nextPageToken).toBe('');
  });

  it.each(['garbage!', 'bzo=', Buffer.from('x:5').toString('base64url')])(
    'rejects page token %s with INVALID_ARGUMENT',
    async (token) => {
      expect((await statusErrorOf(() => catalog.list(10, token))).code).toBe(
        Status.INVALID_ARGUMENT,
      );
    },
  );

  it('batch-gets products and lists the missing ids', () => {
    const result = catalog.batchGet(['2', '999', '3']);
    expect(result.products.map((p) => p.id)).toEqual(['2', '3']);
    expect(result.missingIds).toEqual(['999']);
  });
});
