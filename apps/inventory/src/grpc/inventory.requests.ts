import { isProductId, PRODUCT_ID_RULE } from '@junction/contracts';
import { z } from 'zod';

/** A product id as the contract defines it (see isProductId). */
const productId = z.string().refine(isProductId, PRODUCT_ID_RULE);

const orderId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

const reservationItem = z.object({
  productId,
  quantity: z
    .number()
    .int('must be an integer from 1 to 1000')
    .min(1, 'must be 1 to 1000')
    .max(1000, 'must be 1 to 1000'),
});

export const getStockRequest = z.object({
  productIds: z
    .array(productId)
    .min(1, 'must name at least one id')
    .max(100, 'must name at most 100 ids'),
});

export const reserveRequest = z.object({
  orderId,
  items: z
    .array(reservationItem)
    .min(1, 'must hold at least one item')
    .max(50, 'must hold at most 50 items')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.productId)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'productId'],
            message: `product ${item.productId} is listed more than once`,
          });
        }
        seen.add(item.productId);
      });
    }),
});

export const releaseRequest = z.object({ orderId });
