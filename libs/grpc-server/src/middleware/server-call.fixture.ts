import { Metadata } from '@grpc/grpc-js';
import type { InboundCall, ServerCall } from '../server-call.types';

export interface FakeCallOptions {
  readonly method?: string;
  readonly deadline?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cancelled?: boolean;
}

/** A decoded call for middleware specs, as a transport would hand it over. */
export function fakeServerCall({
  method = 'GetProduct',
  deadline,
  headers = {},
  cancelled = false,
}: FakeCallOptions = {}): ServerCall {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  const inbound: InboundCall = {
    path: `/catalog.v1.CatalogService/${method}`,
    deadline,
    header: (key) => headers[key],
    metadata,
    cancelled,
    onCancel: () => () => undefined,
  };
  return {
    rpc: { service: 'catalog.v1.CatalogService', method },
    request: { id: '1' },
    inbound,
  };
}
