import type Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitStore } from '@junction/metrics';
import type { RateLimitPolicy } from './rate-limit-policy';
import { closeRedis } from './redis-connection';

/** What one request's consumption decided, in the terms of the RateLimit-* headers. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the client's window ends and its budget is whole again. */
  readonly resetS: number;
  /** Whose counters decided: this process's, Redis', or the insurance limiter's (Redis failing). */
  readonly store: RateLimitStore;
}

/** One route's limiter and whatever else must follow a change of its policy. */
interface RouteLimiter {
  readonly limiter: RateLimiterAbstract;
  readonly tuned: RateLimiterAbstract[];
  /** Which store gave this answer of the limiter. */
  readonly storeOf: (answer: RateLimiterRes) => RateLimitStore;
}

const KEY_PREFIX = 'junction:rl';

/**
 * Counters per route and client, in process memory or in Redis. A route's
 * limiter is made once; a policy change from runtime config retunes it in
 * place (rate-limiter-flexible compares against the current `points`), so
 * clients keep what they already spent in this window.
 */
export class RouteRateLimiters {
  private readonly routes = new Map<string, RouteLimiter>();

  private constructor(
    private readonly create: (keyPrefix: string, policy: RateLimitPolicy) => RouteLimiter,
    /** Releases the counters' store (the Redis connection). */
    readonly close: () => Promise<void> = async () => undefined,
  ) {}

  /** Counters in this process only. */
  static inMemory(): RouteRateLimiters {
    return new RouteRateLimiters((keyPrefix, { points, durationS }) => {
      const limiter = new RateLimiterMemory({ keyPrefix, points, duration: durationS });
      return { limiter, tuned: [limiter], storeOf: () => 'local' };
    });
  }

  /**
   * Counters in Redis, shared by every replica. While Redis is unreachable
   * (not ready, a failed or timed-out command) each process limits on its
   * own with an in-memory insurance limiter of the same policy: limits stay
   * in force, per process, and Redis trouble never fails a request.
   */
  static inRedis(client: Redis): RouteRateLimiters {
    return new RouteRateLimiters(
      (keyPrefix, { points, durationS }) => {
        const insurance = insured(
          new RateLimiterMemory({ keyPrefix, points, duration: durationS }),
        );
        const limiter = new RateLimiterRedis({
          storeClient: client,
          keyPrefix,
          points,
          duration: durationS,
          rejectIfRedisNotReady: true,
          insuranceLimiter: insurance.limiter,
        });
        return {
          limiter,
          tuned: [limiter, insurance.limiter],
          storeOf: (answer) => (insurance.answered(answer) ? 'insurance' : 'redis'),
        };
      },
      () => closeRedis(client),
    );
  }

  /** Spends one point of `client`'s budget on `route`. */
  async consume(
    route: string,
    client: string,
    policy: RateLimitPolicy,
  ): Promise<RateLimitDecision> {
    const { limiter, storeOf } = this.limiterOf(route, policy);
    try {
      const answer = await limiter.consume(client);
      return decision(answer, true, policy, storeOf(answer));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return decision(rejection, false, policy, storeOf(rejection));
      }
      throw rejection;
    }
  }

  private limiterOf(route: string, policy: RateLimitPolicy): RouteLimiter {
    let entry = this.routes.get(route);
    if (!entry) {
      entry = this.create(`${KEY_PREFIX}:${route}`, policy);
      this.routes.set(route, entry);
    } else if (
      entry.limiter.points !== policy.points ||
      entry.limiter.duration !== policy.durationS
    ) {
      for (const limiter of entry.tuned) {
        limiter.points = policy.points;
        limiter.duration = policy.durationS;
      }
    }
    return entry;
  }
}

const decision = (
  res: RateLimiterRes,
  allowed: boolean,
  policy: RateLimitPolicy,
  store: RateLimitStore,
): RateLimitDecision => ({
  allowed,
  limit: policy.points,
  remaining: Math.max(0, policy.points - res.consumedPoints),
  resetS: Math.max(0, Math.ceil(res.msBeforeNext / 1000)),
  store,
});

/**
 * The insurance limiter, marking each answer it gives (the Redis limiter
 * hands them on as its own), so a decision knows Redis did not make it.
 */
function insured(limiter: RateLimiterMemory) {
  const answers = new WeakSet<RateLimiterRes>();
  const consume = limiter.consume.bind(limiter);
  limiter.consume = async (...args: Parameters<RateLimiterMemory['consume']>) => {
    try {
      const answer = await consume(...args);
      answers.add(answer);
      return answer;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) answers.add(rejection);
      throw rejection;
    }
  };
  return { limiter, answered: (answer: RateLimiterRes) => answers.has(answer) };
}
