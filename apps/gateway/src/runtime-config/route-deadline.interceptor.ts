import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { context } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { GatewayRuntimeConfig } from './gateway-runtime';
import { withRouteDeadline } from './route-deadline';

/** Starts each request's upstream budget: the route's timeout from runtime config. */
@Injectable()
export class RouteDeadlineInterceptor implements NestInterceptor {
  constructor(private readonly runtime: GatewayRuntimeConfig) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const deadline = Date.now() + this.runtime.routeTimeoutMs(route);
    // Nest runs the handler in the async context next.handle() is called in.
    return context.with(withRouteDeadline(context.active(), deadline), () => next.handle());
  }
}
