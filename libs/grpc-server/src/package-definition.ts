import type { loadPackageDefinition } from '@grpc/grpc-js';
import type { MessageCodec, ServiceDefinition } from '@junction/contracts';

type PackageDefinition = Parameters<typeof loadPackageDefinition>[0];

const serializer =
  <T>(codec: MessageCodec<T>) =>
  (message: T): Buffer => {
    const bytes = codec.encode(message).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };

const deserializer =
  <T>(codec: MessageCodec<T>) =>
  (bytes: Buffer): T =>
    codec.decode(bytes);

/**
 * A grpc-js package definition built from ts-proto's generated definitions,
 * so messages reach handlers decoded by the generated codecs (the same types
 * the code is checked against) and no .proto file is read at run time.
 */
export function toPackageDefinition(definitions: readonly ServiceDefinition[]): PackageDefinition {
  const packageDefinition: PackageDefinition = {};
  for (const service of definitions) {
    const methods: Record<string, unknown> = {};
    for (const [key, method] of Object.entries(service.methods)) {
      methods[method.name] = {
        path: `/${service.fullName}/${method.name}`,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        requestSerialize: serializer(method.requestType),
        requestDeserialize: deserializer(method.requestType),
        responseSerialize: serializer(method.responseType),
        responseDeserialize: deserializer(method.responseType),
        originalName: key,
      };
    }
    packageDefinition[service.fullName] = methods as PackageDefinition[string];
  }
  return packageDefinition;
}
