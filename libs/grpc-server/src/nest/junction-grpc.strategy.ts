import {
  GrpcMethodStreamingType,
  Server,
  type CustomTransportStrategy,
} from '@nestjs/microservices';
import type { ServiceDefinition } from '@junction/contracts';
import { healthRoutes } from '../health/health.routes';
import type { ServingHealth } from '../health/serving-health';
import type { ServerMiddleware } from '../server-call.types';
import type {
  ServerEndpoint,
  ServerRoutes,
  UnaryServerTransport,
} from '../transport/unary-server-transport.port';
import { controllerRoutes, type NestHandler } from './controller.routes';

export interface JunctionGrpcStrategyOptions {
  /** Generated definitions of the services served. */
  readonly services: readonly ServiceDefinition[];
  readonly endpoint: ServerEndpoint;
  readonly transport: UnaryServerTransport;
  readonly health: ServingHealth;
  /** The server chain every call runs through (serverChain). */
  readonly middleware: ServerMiddleware;
  /** How long close() lets in-flight calls finish before cancelling them. */
  readonly drainTimeoutMs: number;
}

/**
 * A Nest transport strategy that keeps services as Nest modules with
 * @GrpcMethod controllers, but answers each unary call with plain function
 * calls: transport → generated codec → server chain → the handler Nest
 * registered for the method. No rxjs per call (Nest's interceptor pipeline
 * and its AsyncResource.bind per call are not used); Nest's guards, pipes
 * and filters on a controller still apply. Health is served beside it.
 */
export class JunctionGrpcStrategy extends Server implements CustomTransportStrategy {
  constructor(private readonly options: JunctionGrpcStrategyOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    let routes: ServerRoutes;
    try {
      routes = this.routes();
    } catch (error) {
      return callback(error);
    }
    this.options.transport.listen(this.options.endpoint, routes).then(() => callback(), callback);
  }

  close(): Promise<void> {
    return this.options.transport.drain(this.options.drainTimeoutMs);
  }

  on(): never {
    throw new Error('the Junction gRPC strategy emits no events');
  }

  unwrap<T>(): T {
    return this.options.transport as T;
  }

  /** Health beside the controllers' RPCs, read once Nest has registered the handlers. */
  private routes(): ServerRoutes {
    const { services, middleware, health } = this.options;
    const healthService = healthRoutes(health);
    const rpcs = controllerRoutes(services, (s, rpc) => this.handlerFor(s, rpc), middleware);
    return { unary: new Map([...healthService.unary, ...rpcs]), watch: healthService.watch };
  }

  /** Nest's handler under the pattern @GrpcMethod(service, rpc) registers. */
  private handlerFor(service: string, rpc: string): NestHandler | undefined {
    const pattern = this.normalizePattern({
      service,
      rpc,
      streaming: GrpcMethodStreamingType.NO_STREAMING,
    });
    return this.getHandlers().get(pattern) as unknown as NestHandler | undefined;
  }
}
