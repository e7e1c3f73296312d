import { healthV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream, GrpcCallError, GrpcJsTransport } from '@junction/grpc-client';
import type { CheckDefinition } from '../model';
import { probeTimeoutMs, type ProbeResult } from './probe';

/** grpc-go's names for status codes, as they appear in `rpc error: code = …`. */
const GO_CODES = [
  'OK',
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
];

const UPSTREAM = 'grpc-check';

/**
 * Consul's gRPC check: grpc.health.v1.Health/Check against `host:port`,
 * the part after the first `/` naming the service. SERVING is passing,
 * anything else critical (there is no warning). A fresh channel per probe,
 * as Consul dials per check, so a restarted server is seen at once.
 */
export async function probeGrpc(check: CheckDefinition): Promise<ProbeResult> {
  const target = check.GRPC;
  if (check.GRPCUseTLS) {
    return {
      status: 'critical',
      output: `gRPC ${target}: TLS is not supported by the dev registry`,
    };
  }
  const slash = target.indexOf('/');
  const hostPort = slash < 0 ? target : target.slice(0, slash);
  const service = slash < 0 ? '' : target.slice(slash + 1);
  const transport = new GrpcJsTransport();
  try {
    const client = connectUpstream(healthV1.HealthDefinition, {
      upstream: UPSTREAM,
      resolver: new StaticResolver({ [UPSTREAM]: [hostPort] }),
      transport,
      defaultTimeoutMs: probeTimeoutMs(check),
    });
    const { status } = await client.check({ service });
    if (status === healthV1.HealthCheckResponse_ServingStatus.SERVING)
      return { status: 'passing', output: `gRPC check ${target}: success` };
    return { status: 'critical', output: `gRPC ${target} serving status: ${status}` };
  } catch (error) {
    if (error instanceof GrpcCallError) {
      const code = GO_CODES[error.code] ?? `Code(${error.code})`;
      return { status: 'critical', output: `rpc error: code = ${code} desc = ${error.details}` };
    }
    return { status: 'critical', output: (error as Error).message };
  } finally {
    transport.close();
  }
}
