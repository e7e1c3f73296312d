import { Logger } from '@nestjs/common';
import { GrpcCallError, GrpcStatus } from '@junction/grpc-client';
import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { deferred } from '../testing/order-fakes';
import {
  InventoryStockReservations,
  type InventoryClient,
} from './inventory-stock-reservations.adapter';

const PATH = '/inventory.v1.InventoryService/Reserve';
const callError = (code: GrpcStatus, details: string, reason?: string) =>
  new GrpcCallError(code, details, 'inventory', PATH, reason);

const failingWith = (error: unknown): InventoryClient => ({
  reserve: async () => {
    throw error;
  },
  release: async () => {
    throw error;
  },
});

const lines = [{ productId: '4', quantity: 2 }];

describe('InventoryStockReservations', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('reserves the lines under the order id, and releases by order id', async () => {
    const client = {
      reserve: jest.fn(async () => ({ orderId: '9', items: lines })),
      release: jest.fn(async () => ({ released: true })),
    };
    const reservations = new InventoryStockReservations(client);
    await reservations.reserve('9', lines);
    await reservations.release('9');
    expect(client.reserve).toHaveBeenCalledWith({ orderId: '9', items: lines });
    expect(client.release).toHaveBeenCalledWith({ orderId: '9' });
  });

  it('passes short stock on with inventory’s message and reason', async () => {
    const error = callError(
      GrpcStatus.FAILED_PRECONDITION,
      'product 4: 1 available',
      'INSUFFICIENT_STOCK',
    );
    expect(
      await statusErrorOf(new InventoryStockReservations(failingWith(error)).reserve('9', lines)),
    ).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'INSUFFICIENT_STOCK',
      message: 'product 4: 1 available',
    });
  });

  it('reads FAILED_PRECONDITION without a reason as short stock, per the contract', async () => {
    const error = callError(GrpcStatus.FAILED_PRECONDITION, 'short');
    const failure = await statusErrorOf(
      new InventoryStockReservations(failingWith(error)).reserve('9', lines),
    );
    expect(failure.reason).toBe('INSUFFICIENT_STOCK');
  });

  it('passes NOT_FOUND on for a product inventory does not stock', async () => {
    const error = callError(GrpcStatus.NOT_FOUND, 'product 4 not found', 'PRODUCT_NOT_FOUND');
    expect(
      await statusErrorOf(new InventoryStockReservations(failingWith(error)).reserve('9', lines)),
    ).toMatchObject({
      code: Status.NOT_FOUND,
      reason: 'PRODUCT_NOT_FOUND',
      message: 'product 4 not found',
    });
  });

  it.each([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.INTERNAL])(
    'answers UNAVAILABLE for status %s, without the upstream’s details',
    async (code) => {
      const reservations = new InventoryStockReservations(
        failingWith(callError(code, 'at 10.0.0.8')),
      );
      for (const call of [reservations.reserve('9', lines), reservations.release('9')]) {
        expect(await statusErrorOf(call)).toMatchObject({
          code: Status.UNAVAILABLE,
          reason: 'UPSTREAM_UNAVAILABLE',
          message: 'inventory unavailable',
        });
      }
    },
  );

  it.each([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.CANCELLED])(
    'releases in the background when Reserve fails with %s: it may have gone through',
    async (code) => {
      const client = {
        reserve: jest.fn(async () => {
          throw callError(code, 'timed out');
        }),
        release: jest.fn(async () => ({ released: true })),
      };
      await statusErrorOf(new InventoryStockReservations(client).reserve('9', lines));
      expect(client.release).toHaveBeenCalledWith({ orderId: '9' });
    },
  );

  it.each([GrpcStatus.FAILED_PRECONDITION, GrpcStatus.NOT_FOUND, GrpcStatus.ALREADY_EXISTS])(
    'releases nothing when inventory refused Reserve with %s (the id may be another’s)',
    async (code) => {
      const client = {
        reserve: jest.fn(async () => {
          throw callError(code, 'refused');
        }),
        release: jest.fn(async () => ({ released: true })),
      };
      await statusErrorOf(new InventoryStockReservations(client).reserve('9', lines));
      expect(client.release).not.toHaveBeenCalled();
    },
  );

  it('answers UNAVAILABLE for ALREADY_EXISTS: an id clash is not the caller’s to fix', async () => {
    const error = callError(
      GrpcStatus.ALREADY_EXISTS,
      'order 9 already reserved',
      'ORDER_ALREADY_RESERVED',
    );
    const failure = await statusErrorOf(
      new InventoryStockReservations(failingWith(error)).reserve('9', lines),
    );
    expect(failure).toMatchObject({ code: Status.UNAVAILABLE, reason: 'UPSTREAM_UNAVAILABLE' });
  });

  it('logs, not throws, when the background release fails too', async () => {
    const logged = deferred();
    // Resolves on the release's warning, not on the reserve failure's.
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      if (String(message).includes('may hold stock')) logged.resolve();
    });
    const client: InventoryClient = {
      reserve: async () => {
        throw callError(GrpcStatus.DEADLINE_EXCEEDED, 'timed out');
      },
      release: async () => {
        throw callError(GrpcStatus.UNAVAILABLE, 'down');
      },
    };
    await statusErrorOf(new InventoryStockReservations(client).reserve('9', lines));
    await logged.promise;
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('order 9 may hold stock'));
  });
});
