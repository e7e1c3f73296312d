import { catalogV1 } from '@junction/contracts';
import { ConfigError, loadConfig } from '@junction/config';
import { z } from 'zod';
import { gatewayConfigSchema } from '../config/gateway.config';
import { addressVariable, balancerVariable, upstreamEnv } from './upstream.env';
import { UPSTREAM_NAMES } from './upstreams.declaration';

const definition = catalogV1.CatalogServiceDefinition;

describe('upstream environment', () => {
  it('names a kebab-case upstream in upper snake case', () => {
    expect(addressVariable('price-quotes')).toBe('UPSTREAM_PRICE_QUOTES');
    expect(balancerVariable('price-quotes')).toBe('BALANCER_PRICE_QUOTES');
    expect(addressVariable('a-b-c')).toBe('UPSTREAM_A_B_C');
  });

  it('gives a declared upstream its variables with the declared defaults', () => {
    const schema = z.object(
      upstreamEnv({
        'price-quotes': { definition, staticAddress: '127.0.0.1:9200', balancer: 'round-robin' },
        ledger: { definition, staticAddress: '127.0.0.1:9201' },
      }),
    );
    expect(schema.parse({})).toEqual({
      UPSTREAM_PRICE_QUOTES: ['127.0.0.1:9200'],
      BALANCER_PRICE_QUOTES: 'round-robin',
      UPSTREAM_LEDGER: ['127.0.0.1:9201'],
      BALANCER_LEDGER: 'p2c',
    });
    const given = schema.parse({
      UPSTREAM_PRICE_QUOTES: '10.0.0.1:9200, 10.0.0.2:9200',
      BALANCER_LEDGER: 'consistent-hash',
    });
    expect(given.UPSTREAM_PRICE_QUOTES).toEqual(['10.0.0.1:9200', '10.0.0.2:9200']);
    expect(given.BALANCER_LEDGER).toBe('consistent-hash');
  });

  it('has two variables per declared upstream, the documented ones with their defaults', () => {
    const config = loadConfig(gatewayConfigSchema, {});
    const upstreamKeys = Object.keys(config).filter((key) => /^(UPSTREAM|BALANCER)_/.test(key));
    expect(upstreamKeys.sort()).toEqual(
      [
        'UPSTREAM_TIMEOUT_MS',
        ...UPSTREAM_NAMES.flatMap((name) => [addressVariable(name), balancerVariable(name)]),
      ].sort(),
    );
    expect(config).toMatchObject({
      UPSTREAM_CATALOG: ['127.0.0.1:9101'],
      UPSTREAM_INVENTORY: ['127.0.0.1:9102'],
      UPSTREAM_REVIEWS: ['127.0.0.1:9103'],
      UPSTREAM_ORDERS: ['127.0.0.1:9104'],
      BALANCER_CATALOG: 'p2c',
      BALANCER_INVENTORY: 'p2c',
      BALANCER_REVIEWS: 'consistent-hash',
      BALANCER_ORDERS: 'p2c',
    });
  });

  it('refuses an empty address list, naming the variable', () => {
    expect(() => loadConfig(gatewayConfigSchema, { UPSTREAM_REVIEWS: '' })).toThrow(ConfigError);
    expect(() => loadConfig(gatewayConfigSchema, { UPSTREAM_REVIEWS: '' })).toThrow(
      /UPSTREAM_REVIEWS/,
    );
  });
});
