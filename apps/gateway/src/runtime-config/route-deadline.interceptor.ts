import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { withDeadline } from '@junction/resilience';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { GatewayRuntimeConfig } from './gateway-runtime';

/**
 * Starts each request's deadline budget: the route's timeout from runtime
 * config. Every upstream call the handler makes is capped by it.
 */
@Injectable()
export class RouteDeadlineInterceptor implements NestInterceptor {
  constructor(private readonly runtime: GatewayRuntimeConfig) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const deadline = Date.now() + this.runtime.routeTimeoutMs(route);
    // Nest runs the handler in the async context next.handle() is called in.
    return context.with(withDeadline(context.active(), deadline), () => next.handle());
  }
}
