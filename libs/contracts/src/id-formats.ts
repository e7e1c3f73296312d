// Id formats the .proto comments promise, as code, so every service and the
// gateway check them the same way.

/** The largest product id: ids fit a signed 32-bit integer. */
export const MAX_PRODUCT_ID = 2_147_483_647;

/** A product id: a decimal integer from 1 to 2^31-1, without sign or leading zeros. */
export const isProductId = (value: string): boolean =>
  /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_PRODUCT_ID;

export const PRODUCT_ID_RULE = `must be a decimal integer from 1 to ${MAX_PRODUCT_ID}`;

const MAX_ORDER_ID = (1n << 63n) - 1n;

/** An order id: a 63-bit unsigned integer (1 to 2^63-1) in decimal. */
export const isOrderId = (value: string): boolean =>
  /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= MAX_ORDER_ID;

export const ORDER_ID_RULE = 'must be a decimal integer from 1 to 9223372036854775807';
