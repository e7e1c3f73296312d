import { z } from 'zod';

/** A product id: a decimal integer from 1 to 2^31-1, no sign or leading zero. */
const productId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a decimal integer from 1 to 2147483647')
  .refine((id) => Number(id) <= 2_147_483_647, 'must be a decimal integer from 1 to 2147483647');

export const getProductRequest = z.object({ id: productId });

export const listProductsRequest = z.object({
  pageSize: z
    .number()
    .int()
    .min(0, 'must be 1 to 100 (0 for the default)')
    .max(100, 'must be 1 to 100'),
  pageToken: z.string().max(64, 'is too long'),
});

export const batchGetProductsRequest = z.object({
  ids: z.array(productId).min(1, 'must name at least one id').max(100, 'must name at most 100 ids'),
});
