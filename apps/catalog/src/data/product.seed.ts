import type { catalogV1 } from '@junction/contracts';

const ADJECTIVES = [
  'Sturdy',
  'Compact',
  'Deluxe',
  'Classic',
  'Portable',
  'Quiet',
  'Bright',
  'Modular',
];
const NOUNS = [
  'Kettle',
  'Lamp',
  'Backpack',
  'Headphones',
  'Desk',
  'Bicycle',
  'Camera',
  'Blender',
  'Tent',
];

/** The seeded catalog size: products "1" to "1000". */
export const SEEDED_PRODUCTS = 1000;

/**
 * Product `n`, derived from `n` alone, so every instance and every run serve
 * the same catalog.
 */
export function seededProduct(n: number): catalogV1.Product {
  const adjective = ADJECTIVES[n % ADJECTIVES.length];
  const noun = NOUNS[Math.floor(n / ADJECTIVES.length) % NOUNS.length];
  return {
    id: String(n),
    name: `${adjective} ${noun} ${n}`,
    description: `A ${adjective.toLowerCase()} ${noun.toLowerCase()}, model ${n}.`,
    priceCents: 499 + ((n * 7919) % 50_000),
    currency: 'EUR',
  };
}

export function seedProducts(count = SEEDED_PRODUCTS): catalogV1.Product[] {
  return Array.from({ length: count }, (_, i) => seededProduct(i + 1));
}
