import { Inject, Logger, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { RateLimitEnv } from './rate-limit.env';
import { RATE_LIMIT_DEFAULTS, RateLimitGuard } from './rate-limit.guard';
import type { RateLimitPolicy } from './rate-limit-policy';
import { connectRedis } from './redis-connection';
import { RouteRateLimiters } from './route-rate-limiters';

const limitersFor = (env: RateLimitEnv): RouteRateLimiters =>
  env.REDIS_URL === undefined
    ? RouteRateLimiters.inMemory()
    : RouteRateLimiters.inRedis(
        connectRedis(
          { url: env.REDIS_URL, commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS },
          new Logger('RateLimitRedis'),
        ),
      );

/** The rate-limit guard on every route, with its counters in memory or in Redis. */
@Module({})
export class RateLimitModule implements OnModuleDestroy {
  constructor(@Inject(RouteRateLimiters) private readonly limiters: RouteRateLimiters) {}

  static register(env: RateLimitEnv): DynamicModule {
    const defaults: RateLimitPolicy = {
      points: env.RATE_LIMIT_POINTS,
      durationS: env.RATE_LIMIT_DURATION_S,
    };
    return {
      module: RateLimitModule,
      // Global: authentication counts refused credentials in the same store.
      global: true,
      providers: [
        { provide: RouteRateLimiters, useFactory: () => limitersFor(env) },
        { provide: RATE_LIMIT_DEFAULTS, useValue: defaults },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [RouteRateLimiters],
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.limiters.close();
  }
}
