import type Consul from 'consul';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface RegistrationSpec {
  /** Service name upstream clients resolve, e.g. `catalog`. */
  readonly name: string;
  /** Unique per instance; see instanceId(). */
  readonly id: string;
  /** Address clients dial (never 0.0.0.0). */
  readonly address: string;
  readonly port: number;
  readonly tags: readonly string[];
  readonly meta: Readonly<Record<string, string>>;
  /**
   * The check the registry runs itself: grpc.health.v1 on address:port, or
   * an HTTP GET of `httpPath` there (2xx passing) for an HTTP server.
   */
  readonly check: {
    readonly interval: string;
    readonly timeout: string;
    readonly deregisterCriticalServiceAfter: string;
    readonly httpPath?: string;
  };
}

export interface RegistrationOptions {
  /** How often to confirm the agent still knows this instance. */
  readonly keepAliveMs: number;
  readonly onReregistered?: () => void;
  readonly onError?: (error: unknown) => void;
}

/** `catalog-<host>-<port>-<random>`: unique even for two instances on one host. */
export const instanceId = (name: string, port: number): string =>
  `${name}-${hostname()}-${port}-${randomBytes(3).toString('hex')}`;

/**
 * This process in Consul: registered with a health check the registry
 * runs (gRPC health, or HTTP for the gateway), kept registered (an agent that restarted empty learns it again within
 * seconds), and deregistered first on shutdown so no caller picks an
 * instance that is about to stop.
 */
export class ServiceRegistration {
  private keepAlive?: NodeJS.Timeout;

  constructor(
    private readonly consul: Consul,
    private readonly spec: RegistrationSpec,
    private readonly options: RegistrationOptions,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  async register(): Promise<void> {
    const { name, id, address, port, tags, meta, check } = this.spec;
    const host = address.includes(':') ? `[${address}]` : address;
    const probe =
      check.httpPath === undefined
        ? { name: `gRPC health of ${name}`, grpc: `${address}:${port}` }
        : { name: `HTTP health of ${name}`, http: `http://${host}:${port}${check.httpPath}` };
    await this.consul.agent.service.register({
      name,
      id,
      address,
      port,
      tags: [...tags],
      meta: { ...meta },
      check: {
        ...probe,
        // Registered only once serving: passing from the start, so callers
        // can use it before the registry's first probe.
        status: 'passing',
        interval: check.interval,
        timeout: check.timeout,
        deregistercriticalserviceafter: check.deregisterCriticalServiceAfter,
      },
    } as never);
  }

  /** Starts confirming the registration every keepAliveMs. */
  keepRegistered(): void {
    this.keepAlive ??= setInterval(() => void this.confirm(), this.options.keepAliveMs);
    this.keepAlive.unref();
  }

  async deregister(): Promise<void> {
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
    await this.consul.agent.service.deregister(this.spec.id);
  }

  private async confirm(): Promise<void> {
    try {
      const known = (await this.consul.agent.service.list()) as Record<string, unknown>;
      if (this.spec.id in known) return;
      await this.register();
      this.options.onReregistered?.();
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
