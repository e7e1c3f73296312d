import { Logger } from '@nestjs/common';
import { GrpcCallError, GrpcStatus } from '@junction/grpc-client';
import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { CatalogPriceList, type CatalogClient } from './catalog-price-list.adapter';

const PATH = '/catalog.v1.CatalogService/BatchGetProducts';
const product = (id: string, priceCents: number) => ({
  id,
  name: `Product ${id}`,
  description: '',
  priceCents,
  currency: 'EUR',
});

describe('CatalogPriceList', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('prices the products the catalog knows in one batch call, leaving out missing ids', async () => {
    const batchGetProducts = jest.fn(async () => ({
      products: [product('1', 499), product('3', 1299)],
      missingIds: ['2'],
    }));
    const prices = await new CatalogPriceList({ batchGetProducts }).prices(['1', '2', '3']);
    expect(batchGetProducts).toHaveBeenCalledWith({ ids: ['1', '2', '3'] });
    expect([...prices]).toEqual([
      ['1', { unitPriceCents: 499, currency: 'EUR' }],
      ['3', { unitPriceCents: 1299, currency: 'EUR' }],
    ]);
  });

  it('answers UNAVAILABLE without the upstream’s details, which go to the log', async () => {
    const client: CatalogClient = {
      batchGetProducts: async () => {
        throw new GrpcCallError(
          GrpcStatus.UNAVAILABLE,
          'connect ECONNREFUSED 10.0.0.7:9101',
          'catalog',
          PATH,
        );
      },
    };
    expect(await statusErrorOf(new CatalogPriceList(client).prices(['1']))).toMatchObject({
      code: Status.UNAVAILABLE,
      reason: 'UPSTREAM_UNAVAILABLE',
      message: 'catalog unavailable',
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('10.0.0.7'));
  });

  it('leaves an error that is not an upstream failure as it is (a bug: INTERNAL)', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const client: CatalogClient = {
      batchGetProducts: async () => {
        throw bug;
      },
    };
    await expect(new CatalogPriceList(client).prices(['1'])).rejects.toBe(bug);
  });
});
