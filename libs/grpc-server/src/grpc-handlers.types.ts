import type { RequestOf, ResponseOf, ServiceDefinition } from '@junction/contracts';

/**
 * What a controller must implement for a generated service: one method per
 * RPC, taking the decoded request and returning the complete response.
 */
export type GrpcHandlers<D extends ServiceDefinition> = {
  [K in keyof D['methods']]: (
    request: RequestOf<D['methods'][K]>,
  ) => Promise<ResponseOf<D['methods'][K]>> | ResponseOf<D['methods'][K]>;
};
