// The shop's wire contract for the baselines: the .proto files themselves,
// loaded by @grpc/proto-loader (no Junction code, generated or not).
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const PROTO_ROOT = path.resolve(import.meta.dirname, '..', '..', 'proto');

export function loadShopProtos() {
  const definition = protoLoader.loadSync(
    ['catalog/v1/catalog.proto', 'inventory/v1/inventory.proto', 'reviews/v1/reviews.proto'],
    { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, defaults: true },
  );
  return grpc.loadPackageDefinition(definition);
}
