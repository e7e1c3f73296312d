/**
 * Packages the generated code imports. Spelled here once, and not as an
 * import of this plugin's own (the workspace-dependency check reads `from '…'`).
 */
export const CONTRACTS = '@junction/contracts';
export const GRPC_SERVER = '@junction/grpc-server';
