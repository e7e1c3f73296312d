import { Metadata } from '@grpc/grpc-js';
import { CALLER_METADATA_KEY, InternalTokens, type Identity } from '@junction/auth';
import { HARNESS_INTERNAL_TOKEN_SECRET } from './shop-stack';

const tokens = new InternalTokens(HARNESS_INTERNAL_TOKEN_SECRET);

/**
 * gRPC metadata claiming `identity` as a test stack's gateway would sign
 * it, for suites that call services directly, past the gateway.
 */
export async function stackCallerMetadata(identity: Identity): Promise<Metadata> {
  const metadata = new Metadata();
  metadata.set(CALLER_METADATA_KEY, await tokens.mint(identity));
  return metadata;
}
