import { isProductId, PRODUCT_ID_RULE } from '@junction/contracts';
import { z } from 'zod';

/** A product id as the contract defines it (see isProductId). */
const productId = z.string().refine(isProductId, PRODUCT_ID_RULE);

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
