import { context } from '@opentelemetry/api';
import { withDeadline } from '@junction/resilience';
import type { FastifyInstance } from 'fastify';
import type { GatewayRuntimeConfig } from './gateway-runtime';

/**
 * Starts each request's deadline budget: the route's timeout from runtime
 * config; every upstream call the handler makes is capped by it. A Fastify
 * preHandler rather than a Nest interceptor: an interceptor puts every
 * request through rxjs and Node 20's deprecated AsyncResource.bind path
 * (measured: the gateway's costliest per-request framework work). Registered
 * after the tracing hooks, so the handler runs in the trace and the budget.
 */
export function registerRouteDeadline(app: FastifyInstance, runtime: GatewayRuntimeConfig): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const deadline = Date.now() + runtime.routeTimeoutMs(route);
    context.with(withDeadline(context.active(), deadline), done);
  });
}
