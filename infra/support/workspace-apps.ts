import { readdirSync } from 'node:fs';
import path from 'node:path';
import { envPrefix } from '@junction/config';
import { discoverApps, isInstrumented, type AppDefinition } from '@junction/launcher';
import { readTelemetrySettings } from '@junction/telemetry';

/** The repository root, from infra/support. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..');
export const INFRA = path.join(WORKSPACE_ROOT, 'infra');

/** What a zod object schema offers here: its fields and a parse. */
export interface EnvSchema {
  readonly shape: Readonly<Record<string, unknown>>;
  safeParse(
    input: unknown,
  ):
    | { success: true; data: Record<string, unknown> }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** A deployable app: its workspace definition and everything it reads from the environment. */
export interface DeployableApp extends AppDefinition {
  /** `<NAME>` of its `<NAME>_HOST` / `<NAME>_PORT` (services and the gateway). */
  readonly prefix: string;
  readonly schema: EnvSchema;
  /** Every variable it reads: its schema's fields, plus the telemetry preload's when instrumented. */
  readonly reads: ReadonlySet<string>;
}

const isEnvSchema = (value: unknown): value is EnvSchema =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EnvSchema).safeParse === 'function' &&
  typeof (value as EnvSchema).shape === 'object';

/**
 * The variables the telemetry preload reads, found by handing it an
 * environment that records each name asked for (its schema is not exported).
 */
export function telemetryVariables(): ReadonlySet<string> {
  const asked = new Set<string>();
  const recording = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get: (_target, name) => {
        if (typeof name === 'string') asked.add(name);
        return undefined;
      },
    },
  );
  readTelemetrySettings(recording);
  return new Set([...asked].filter((name) => /^OTEL_[A-Z_]+$/.test(name)));
}

/**
 * An app's config schema: the one zod object exported by
 * apps/<project>/src/config/*.config.ts. Loaded by path, as data: this
 * project checks deployment files and is never deployed, and naming an app
 * in an import is what the boundary rule forbids for everything that is.
 */
export async function appSchema(project: string): Promise<EnvSchema> {
  const dir = path.join(WORKSPACE_ROOT, 'apps', project, 'src', 'config');
  const files = readdirSync(dir).filter((file) => file.endsWith('.config.ts'));
  const schemas: EnvSchema[] = [];
  for (const file of files) {
    const module = (await import(path.join(dir, file))) as Record<string, unknown>;
    schemas.push(...Object.values(module).filter(isEnvSchema));
  }
  if (schemas.length !== 1) {
    throw new Error(
      `apps/${project}/src/config: expected one exported config schema, found ${schemas.length}`,
    );
  }
  return schemas[0];
}

/**
 * The gateway's upstreams, by their names in discovery, from its one
 * declaration (apps/gateway/src/upstreams/upstreams.declaration.ts).
 */
export async function gatewayUpstreams(project = 'gateway'): Promise<readonly string[]> {
  const file = path.join(
    WORKSPACE_ROOT,
    'apps',
    project,
    'src',
    'upstreams',
    'upstreams.declaration.ts',
  );
  const module = (await import(file)) as { UPSTREAM_NAMES?: readonly string[] };
  if (!Array.isArray(module.UPSTREAM_NAMES)) throw new Error(`${file} exports no UPSTREAM_NAMES`);
  return module.UPSTREAM_NAMES;
}

/**
 * What infra/ deploys: every app with a `role:*` tag but the dev registry
 * (a real Consul takes its place), with its schema and the variables it reads.
 */
export async function deployableApps(root = WORKSPACE_ROOT): Promise<DeployableApp[]> {
  const telemetry = telemetryVariables();
  const apps = discoverApps(root).filter((app) => app.role !== 'registry');
  return Promise.all(
    apps.map(async (app) => {
      const schema = await appSchema(app.project);
      const reads = new Set([
        ...Object.keys(schema.shape),
        ...(isInstrumented(app) ? telemetry : []),
      ]);
      return { ...app, prefix: envPrefix(app.name), schema, reads };
    }),
  );
}

/** An app's config from an environment: the parsed values, or the problems naming each variable. */
export function parseAppEnv(
  app: DeployableApp,
  env: Readonly<Record<string, string>>,
): { config?: Record<string, unknown>; problems: string[] } {
  const result = app.schema.safeParse(env);
  if (result.success) return { config: result.data, problems: [] };
  return {
    problems: result.error.issues.map(
      (issue) => `${app.name}: ${issue.path.map(String).join('.') || '(root)'} ${issue.message}`,
    ),
  };
}
