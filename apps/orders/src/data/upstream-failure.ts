import { Logger } from '@nestjs/common';
import { GrpcCallError } from '@junction/grpc-client';
import { unavailable } from '@junction/grpc-server';

const logger = new Logger('Upstream');

/**
 * What the caller sees when an upstream call fails for a reason that is not
 * a business answer: UNAVAILABLE, retryable, naming only the upstream. The
 * upstream's own details can name internal hosts, so they go to the log.
 * Anything that is not a GrpcCallError is a bug here and is left as it is
 * (answered INTERNAL, with its stack logged).
 */
export function upstreamFailure(upstream: string, error: unknown): unknown {
  if (!(error instanceof GrpcCallError)) return error;
  logger.warn(error.message);
  return unavailable(`${upstream} unavailable`, 'UPSTREAM_UNAVAILABLE');
}
