import { upstreamToken } from './upstream.tokens';
import { UPSTREAM_NAMES } from './upstreams.declaration';

describe('upstream tokens', () => {
  it('derives one stable token per declared upstream from its name', () => {
    expect(upstreamToken('catalog')).toBe('upstream:catalog');
    expect(new Set(UPSTREAM_NAMES.map(upstreamToken)).size).toBe(UPSTREAM_NAMES.length);
  });

  it('declares the upstreams the routes call', () => {
    expect(UPSTREAM_NAMES).toEqual(
      expect.arrayContaining(['catalog', 'inventory', 'reviews', 'orders']),
    );
  });
});
