import { z } from 'zod';
import { parseRequest } from './request-validation';
import { Status, StatusError } from './status.error';

const schema = z.object({
  items: z
    .array(z.object({ quantity: z.number().int().min(1, 'must be 1 to 1000') }))
    .min(1, 'must not be empty'),
});

describe('parseRequest', () => {
  it('returns the request when it is valid', () => {
    expect(parseRequest(schema, { items: [{ quantity: 2 }] })).toEqual({
      items: [{ quantity: 2 }],
    });
  });

  it('throws INVALID_ARGUMENT naming the nested field and rule', () => {
    let error: unknown;
    try {
      parseRequest(schema, { items: [{ quantity: 1 }, { quantity: 0 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatusError);
    expect(error).toMatchObject({
      code: Status.INVALID_ARGUMENT,
      message: 'items[1].quantity: must be 1 to 1000',
      reason: 'INVALID_REQUEST',
    });
  });

  it('lists every problem at once', () => {
    expect(() => parseRequest(schema, { items: [] })).toThrow('items: must not be empty');
  });
});
