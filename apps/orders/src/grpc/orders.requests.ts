import { isOrderId, isProductId, ORDER_ID_RULE, PRODUCT_ID_RULE } from '@junction/contracts';
import { z } from 'zod';

/** Product and order ids as the contract defines them (see @junction/contracts). */
const productId = z.string().refine(isProductId, PRODUCT_ID_RULE);
const orderId = z.string().refine(isOrderId, ORDER_ID_RULE);

/**
 * Keys are opaque and compared exactly. Visible ASCII plus space, so keys
 * print cleanly in logs and travel as HTTP header values unchanged; a key of
 * only spaces is almost surely a client bug, so it is refused.
 */
const idempotencyKey = z
  .string()
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x20-\x7E]*$/, {
    message: 'must be printable ASCII (space to ~)',
    abort: true,
  })
  .refine((key) => /[\x21-\x7E]/.test(key), 'must not be empty or blank');

const item = z.object({
  productId,
  quantity: z
    .number()
    .int('must be an integer')
    .min(1, 'must be 1 to 1000')
    .max(1000, 'must be 1 to 1000'),
});

const items = z
  .array(item)
  .min(1, 'must have at least one item')
  .max(50, 'must have at most 50 items')
  .superRefine((list, ctx) => {
    const firstIndex = new Map<string, number>();
    list.forEach((line, index) => {
      const first = firstIndex.get(line.productId);
      if (first === undefined) firstIndex.set(line.productId, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'productId'],
          message: `product ${line.productId} is already in items[${first}]`,
        });
    });
  });

export const createOrderRequest = z.object({ idempotencyKey, items });

export const confirmOrderRequest = z.object({ id: orderId });

export const getOrderRequest = z.object({ id: orderId });
