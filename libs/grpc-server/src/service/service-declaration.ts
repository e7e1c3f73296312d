import type { DynamicModule, Type } from '@nestjs/common';
import type { GrpcServiceConfig } from '@junction/config';
import type { ServiceDefinition } from '@junction/contracts';
import type { Registry, RuntimeConfigMetrics } from '@junction/metrics';
import type { Kysely } from 'kysely';
import type { Logger } from '@junction/telemetry';
import type { z } from 'zod';

/** The process's metrics, for a module that adds families of its own. */
export interface ServiceMetrics {
  /** The one registry this process serves on METRICS_PORT. */
  readonly registry: Registry;
  /** Runtime-config applies and rejections (the fault source counts into it too). */
  readonly runtimeConfig: RuntimeConfigMetrics;
}

/** What a service's module is given: everything derived from its name and the environment. */
export interface ServiceRuntime<C extends GrpcServiceConfig = GrpcServiceConfig> {
  readonly name: string;
  readonly config: C;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** The service's database, migrated and seeded, when it declares one. */
  readonly database?: Kysely<unknown>;
}

/** An open database, as the runtime holds it until the drain is over. */
export interface OpenedDatabase {
  readonly db: Kysely<unknown>;
  /** Where it lives, for the start-up log line (no password). */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * A database the service owns, opened (migrated, seeded) before its module
 * is built. Built by @junction/persistence's `ownedDatabase()`; this lib only
 * holds it, so services without one never load a database driver.
 */
export interface DatabaseDeclaration {
  open(context: {
    readonly service: string;
    readonly config: unknown;
    readonly logger: Logger;
  }): Promise<OpenedDatabase>;
}

/**
 * A Junction service: everything else (config parsing, logging, tracing,
 * metrics, registration, health, faults, drain) follows from it.
 */
export interface ServiceDeclaration<C extends GrpcServiceConfig = GrpcServiceConfig> {
  /**
   * Kebab-case: the name callers resolve in the registry, the logger's name,
   * the fault key and the `<NAME>_HOST` / `<NAME>_PORT` prefix.
   */
  readonly name: string;
  /** Advertised as meta.version in the registry (default 0.1.0). */
  readonly version?: string;
  /** Generated definitions of the services this process serves. */
  readonly services: readonly ServiceDefinition[];
  /**
   * The service's config: `z.object({ ...grpcServiceEnv('<NAME>', port), …its own })`,
   * parsed once from the environment; a bad value stops the start with the variable named.
   */
  readonly config: z.ZodType<C>;
  /**
   * The database the service owns (`ownedDatabase({ migrations, seed })`):
   * opened, migrated and seeded before the module is built, injectable as
   * SERVICE_DATABASE, closed after the drain.
   */
  readonly database?: DatabaseDeclaration;
  /**
   * The Nest module of its controllers, or an arrow function building it from
   * the runtime. Either way SERVICE_CONFIG and SERVICE_METRICS can be injected.
   */
  readonly module:
    | Type<unknown>
    | DynamicModule
    | ((runtime: ServiceRuntime<C>) => Type<unknown> | DynamicModule);
}

/** Nest token of the parsed config (ServiceRuntime.config). */
export const SERVICE_CONFIG = 'junction:service-config';
/** Nest token of the process's ServiceMetrics. */
export const SERVICE_METRICS = 'junction:service-metrics';
/** Nest token of the service's Kysely database (ServiceRuntime.database), when declared. */
export const SERVICE_DATABASE = 'junction:service-database';
