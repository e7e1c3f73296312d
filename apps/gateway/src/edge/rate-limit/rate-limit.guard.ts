import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { OPERATIONAL_PATHS } from '../shedding/operational-routes';
import { rateLimitClientOf } from './client-identity';
import { setRateLimitHeaders } from './rate-limit.headers';
import { rateLimitPolicyOf, type RateLimitPolicy } from './rate-limit-policy';
import { RequestIdentities } from './request-identities';
import { RouteRateLimiters, type RateLimitDecision } from './route-rate-limiters';

/** The environment's limit of every route (RATE_LIMIT_POINTS per RATE_LIMIT_DURATION_S). */
export const RATE_LIMIT_DEFAULTS = Symbol('RATE_LIMIT_DEFAULTS');

/**
 * Spends one point of the client's budget on the route before the handler
 * runs. Answers every limited route with RateLimit-* headers, and a refusal
 * with 429, Retry-After and a problem body. A budget is the verified
 * identity's (authentication's hook has run by now), else the client IP's.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly log = new Logger('RateLimit');
  private failing = false;

  constructor(
    private readonly limiters: RouteRateLimiters,
    @Inject(RATE_LIMIT_DEFAULTS) private readonly defaults: RateLimitPolicy,
    private readonly runtime: GatewayRuntimeConfig,
    private readonly metrics: GatewayMetrics,
    private readonly identities: RequestIdentities,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const path = request.routeOptions.url;
    if (path === undefined || OPERATIONAL_PATHS.has(path)) return true;
    const route = `${request.method} ${path}`;
    const policy = rateLimitPolicyOf(route, this.defaults, this.runtime);
    if (!policy) return true;
    const client = rateLimitClientOf(this.identities.identityOf(request), request.ip);
    const decision = await this.consume(route, client, policy);
    if (!decision) return true;
    setRateLimitHeaders(http.getResponse<FastifyReply>(), decision);
    if (decision.store === 'insurance') this.metrics.edge.rateLimitInsurance.inc();
    if (decision.allowed) return true;
    this.metrics.edge.rateLimited.inc({ route, store: decision.store });
    throw new HttpException(
      {
        message: `rate limit of ${policy.points} requests per ${policy.durationS} s reached; retry in ${Math.max(1, decision.resetS)} s`,
        reason: 'RATE_LIMITED',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /**
   * The limiters fall back to memory when Redis fails, so an error here is a
   * bug, not an outage. It lets the request through (a limiter must not take
   * the API down with it) and is logged once until the limiter works again.
   */
  private async consume(
    route: string,
    client: string,
    policy: RateLimitPolicy,
  ): Promise<RateLimitDecision | undefined> {
    try {
      const decision = await this.limiters.consume(route, client, policy);
      if (this.failing) {
        this.failing = false;
        this.log.log('rate limiting works again');
      }
      return decision;
    } catch (error) {
      if (!this.failing) {
        this.failing = true;
        this.log.error(`rate limiting failed, letting requests through: ${String(error)}`);
      }
      return undefined;
    }
  }
}
