import { isProductId, PRODUCT_ID_RULE } from '@junction/contracts';
import { z } from 'zod';

/** A product id as the contract defines it (see isProductId). */
const productId = z.string().refine(isProductId, PRODUCT_ID_RULE);

export const getSummaryRequest = z.object({ productId });
