import { z } from 'zod';
import { upstreamAddressesField } from './discovery-env';
import { loadConfig } from './load-config';

const schema = z.object({ UPSTREAM_CATALOG: upstreamAddressesField('127.0.0.1:9101') });

describe('upstreamAddressesField', () => {
  it('reads a comma-separated list, ignoring blanks around commas', () => {
    expect(
      loadConfig(schema, { UPSTREAM_CATALOG: '10.0.0.1:9101, 10.0.0.2:9101 ,' }).UPSTREAM_CATALOG,
    ).toEqual(['10.0.0.1:9101', '10.0.0.2:9101']);
  });

  it('defaults to one address', () => {
    expect(loadConfig(schema, {}).UPSTREAM_CATALOG).toEqual(['127.0.0.1:9101']);
  });
});
