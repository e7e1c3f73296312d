import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import type { Metadata } from '@grpc/grpc-js';
import type { IncomingHttpHeaders } from 'node:http';

/** Reads W3C trace headers from Node's lower-cased HTTP headers. */
export const httpHeadersGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** Reads W3C trace headers from inbound gRPC metadata. */
export const grpcMetadataGetter: TextMapGetter<Metadata> = {
  keys: (carrier) => Object.keys(carrier.getMap()),
  get: (carrier, key) => {
    const values = carrier.get(key);
    if (values.length === 0) return undefined;
    return values.map(String);
  },
};

/** Writes W3C trace headers into outbound gRPC metadata. */
export const grpcMetadataSetter: TextMapSetter<Metadata> = {
  set: (carrier, key, value) => carrier.set(key, value),
};
