import { healthV1 } from '@junction/contracts';
import { Status, StatusError } from '../status.error';
import type {
  ServerRoutes,
  UnaryRoute,
  WatchRoute,
} from '../transport/unary-server-transport.port';
import type { ServingHealth } from './serving-health';

const { HealthCheckRequest, HealthCheckResponse, HealthDefinition } = healthV1;
type StatusName = keyof typeof healthV1.HealthCheckResponse_ServingStatus;

const pathOf = (method: { readonly name: string }) =>
  `/${HealthDefinition.fullName}/${method.name}`;

const encoded = (status: StatusName): Buffer => {
  const bytes = HealthCheckResponse.encode({
    status: healthV1.HealthCheckResponse_ServingStatus[status],
  }).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/**
 * grpc.health.v1.Health over `health`, as grpc-node's implementation answers:
 * Check says NOT_FOUND for a service not hosted here; Watch streams the
 * status and each change until the caller goes (or the server drains). Served
 * by the transport beside the service's routes, outside the middleware chain,
 * so health is never faulted, timed or traced.
 */
export function healthRoutes(health: ServingHealth): ServerRoutes {
  const check: UnaryRoute = async (request) => {
    const { service } = HealthCheckRequest.decode(request);
    const status = health.statusOf(service);
    if (!status) {
      throw new StatusError(Status.NOT_FOUND, `Health status unknown for service ${service}`);
    }
    return encoded(status);
  };
  const watch: WatchRoute = (request, send) =>
    health.watch(HealthCheckRequest.decode(request).service, (status) => send(encoded(status)));
  return {
    unary: new Map([[pathOf(HealthDefinition.methods.check), check]]),
    watch: new Map([[pathOf(HealthDefinition.methods.watch), watch]]),
  };
}
