import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { InMemoryStockRepository } from '../data/in-memory-stock.repository';
import { StockLevels } from './stock-levels';

const stock = new InMemoryStockRepository([
  { productId: '1', onHand: 10, reserved: 4 },
  { productId: '2', onHand: 0, reserved: 0 },
  { productId: '3', onHand: 7, reserved: 0 },
]);
const levels = new StockLevels(stock);

describe('StockLevels', () => {
  it('returns one level per requested id, in request order', () => {
    expect(levels.get(['3', '1', '2']).map((l) => l.productId)).toEqual(['3', '1', '2']);
  });

  it('reports available as on hand minus reserved', () => {
    expect(levels.get(['1'])).toEqual([{ productId: '1', onHand: 10, reserved: 4, available: 6 }]);
  });

  it('reports an out-of-stock product with nothing available', () => {
    expect(levels.get(['2'])[0]).toMatchObject({ onHand: 0, available: 0 });
  });

  it('answers a repeated id once per time it was asked', () => {
    expect(levels.get(['1', '1'])).toHaveLength(2);
  });

  it('rejects an unknown id with NOT_FOUND naming it', async () => {
    const error = await statusErrorOf(() => levels.get(['1', '99']));
    expect(error.code).toBe(Status.NOT_FOUND);
    expect(error.reason).toBe('PRODUCT_NOT_FOUND');
    expect(error.message).toBe('product 99 not found');
  });

  it('names every unknown id once', async () => {
    expect((await statusErrorOf(() => levels.get(['98', '1', '99', '98']))).message).toBe(
      'products 98, 99 not found',
    );
  });
});
