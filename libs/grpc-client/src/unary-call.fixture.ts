import { Metadata } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import type { UnaryCall } from './unary-call.types';

/** An outgoing GetProduct call as the invoker hands it to middleware, for specs. */
export const fakeUnaryCall = (): UnaryCall => ({
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method: catalogV1.CatalogServiceDefinition.methods.getProduct,
  request: { id: '1' },
  metadata: new Metadata(),
  deadline: Date.now() + 1000,
});
