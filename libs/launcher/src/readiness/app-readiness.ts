import { dialHost } from '../apps/app-env';
import type { AppDefinition } from '../apps/app-set';
import type { PortPlan } from '../ports/port-plan';
import { grpcServing, httpOk } from './probes';

export interface ReadinessContext {
  readonly host: string;
  readonly ports: PortPlan;
  /** The console's listen host, when it differs from the apps'. */
  readonly consoleHost?: string;
}

/**
 * When an app is ready: the registry answers Consul's API, a service reports
 * SERVING over grpc.health.v1, the gateway's /readyz (every upstream has
 * instances) and the console's /healthz answer 200.
 */
export function readinessProbe(app: AppDefinition, ctx: ReadinessContext): () => Promise<boolean> {
  const port = ctx.ports.apps[app.name];
  const host = dialHost(ctx.host);
  switch (app.role) {
    case 'registry':
      return () => httpOk(`http://${host}:${port}/v1/status/leader`);
    case 'service':
      return () => grpcServing(`${host}:${port}`);
    case 'gateway':
      return () => httpOk(`http://${host}:${port}/readyz`);
    case 'console':
      return () => httpOk(`http://${dialHost(ctx.consoleHost ?? ctx.host)}:${port}/healthz`);
  }
}
