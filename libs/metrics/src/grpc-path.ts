/** The service and method of a gRPC path, as metric labels. */
export interface RpcName {
  /** Fully qualified, e.g. `catalog.v1.CatalogService`. */
  readonly service: string;
  /** e.g. `GetProduct`. */
  readonly method: string;
}

/** `/catalog.v1.CatalogService/GetProduct` → catalog.v1.CatalogService, GetProduct. */
export function rpcNameOf(path: string): RpcName {
  const slash = path.lastIndexOf('/');
  if (slash <= 0) return { service: 'unknown', method: path.slice(slash + 1) || 'unknown' };
  return {
    service: path.slice(path.startsWith('/') ? 1 : 0, slash),
    method: path.slice(slash + 1),
  };
}
