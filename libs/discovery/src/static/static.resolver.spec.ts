import { StaticResolver } from './static.resolver';

describe('StaticResolver', () => {
  it('serves the configured addresses per service', () => {
    const resolver = new StaticResolver({
      catalog: ['127.0.0.1:9101', '127.0.0.1:20061'],
      inventory: ['inventory.shop.svc:9102'],
    });
    expect(resolver.instances('catalog').map((i) => i.address)).toEqual([
      '127.0.0.1:9101',
      '127.0.0.1:20061',
    ]);
    expect(resolver.instances('inventory')).toEqual([
      { id: 'inventory@inventory.shop.svc:9102', address: 'inventory.shop.svc:9102' },
    ]);
  });

  it('returns no instances for a service it does not know', () => {
    expect(new StaticResolver({}).instances('reviews')).toEqual([]);
  });

  it.each(['localhost', '127.0.0.1:0', '127.0.0.1:70000', 'http://a:1', ':9101'])(
    'rejects %s as not host:port',
    (address) => {
      expect(() => new StaticResolver({ catalog: [address] })).toThrow('is not host:port');
    },
  );

  it('accepts a bracketed IPv6 address', () => {
    expect(new StaticResolver({ catalog: ['[::1]:9101'] }).instances('catalog')).toHaveLength(1);
  });
});
