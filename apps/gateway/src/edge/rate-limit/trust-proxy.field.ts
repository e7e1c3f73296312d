import { isIP } from 'node:net';
import { z } from 'zod';

const isAddressOrCidr = (value: string): boolean => {
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
};

/**
 * Fastify's trustProxy, from TRUST_PROXY: `false` (the default: the client
 * IP is the peer's address, since X-Forwarded-For from anyone else is a lie
 * waiting to happen), `true` (trust every proxy), a hop count, or the
 * comma-separated addresses/CIDRs of the proxies in front of the gateway.
 */
export const trustProxyField = z
  .string()
  .default('false')
  .transform((value, ctx): boolean | number | string[] => {
    const trimmed = value.trim();
    if (trimmed === 'false' || trimmed === '') return false;
    if (trimmed === 'true') return true;
    if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
    const proxies = trimmed.split(',').map((part) => part.trim());
    if (proxies.every(isAddressOrCidr)) return proxies;
    ctx.addIssue({
      code: 'custom',
      message: 'must be true, false, a hop count or comma-separated proxy addresses/CIDRs',
    });
    return z.NEVER;
  });
