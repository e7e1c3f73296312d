import { rpcNameOf } from './grpc-path';

describe('rpcNameOf', () => {
  it('splits a gRPC path into the full service name and the method', () => {
    expect(rpcNameOf('/catalog.v1.CatalogService/GetProduct')).toEqual({
      service: 'catalog.v1.CatalogService',
      method: 'GetProduct',
    });
  });

  it('names what it cannot split unknown', () => {
    expect(rpcNameOf('GetProduct')).toEqual({ service: 'unknown', method: 'GetProduct' });
    expect(rpcNameOf('')).toEqual({ service: 'unknown', method: 'unknown' });
  });
});
