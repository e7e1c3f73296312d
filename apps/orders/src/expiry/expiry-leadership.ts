import { Logger } from '@nestjs/common';
import {
  consulClient,
  consulLeaderRegistry,
  instanceId,
  LeaderElection,
  leaderTiming,
  type LeaderTimingOptions,
} from '@junction/discovery';
import type { OrdersConfig } from '../config/orders.config';
import type { ExpiryJob } from './expiry-job';

/** Who runs the expiry job: started on bootstrap, stopped on shutdown. */
export interface Leadership {
  readonly isLeader: boolean;
  start(): void;
  /** Stops the job first, then gives up leadership. */
  stop(): Promise<void>;
}

/** DISCOVERY=static: there is no registry to elect through, so one instance is assumed and it always leads. */
class SoleInstance implements Leadership {
  constructor(private readonly job: ExpiryJob) {}
  get isLeader(): boolean {
    return this.job.running;
  }
  start(): void {
    this.job.start();
  }
  stop(): Promise<void> {
    return this.job.stop();
  }
}

/**
 * The expiry job runs on one instance at a time: the holder of LEADER_KEY
 * in Consul (DISCOVERY=consul). With DISCOVERY=static it always runs, which
 * assumes a single orders instance. `timing` is for tests against a
 * time-scaled dev registry; production uses the defaults (TTL 15 s,
 * lock-delay 15 s).
 */
export function expiryLeadership(
  config: Pick<OrdersConfig, 'DISCOVERY' | 'CONSUL_HTTP_ADDR' | 'LEADER_KEY' | 'ORDERS_PORT'>,
  job: ExpiryJob,
  timing: LeaderTimingOptions = {},
): Leadership {
  if (config.DISCOVERY === 'static') return new SoleInstance(job);
  const logger = new Logger('Leadership');
  const identity = instanceId('orders', config.ORDERS_PORT);
  return new LeaderElection({
    registry: consulLeaderRegistry(consulClient(config.CONSUL_HTTP_ADDR)),
    key: config.LEADER_KEY,
    identity,
    timing: leaderTiming(timing),
    onElected: () => {
      logger.log(`${identity} leads ${config.LEADER_KEY}: running the reservation expiry job`);
      job.start();
    },
    onDemoted: async (reason) => {
      logger.log(`${identity} no longer leads (${reason}): stopping the expiry job`);
      await job.stop();
    },
    onError: (message, error) => logger.warn(`${message}: ${(error as Error).message}`),
  });
}
