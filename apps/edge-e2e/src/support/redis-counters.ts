import type { RedisServer } from '@junction/testing';

/** The rate-limit counters a gateway keeps in Redis. */
export const counterKeys = (redis: RedisServer): Promise<string[]> =>
  redis.client.keys('junction:rl:*');
