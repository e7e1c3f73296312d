import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What an app is to the launcher, from its `role:*` Nx tag. */
export const APP_ROLES = ['registry', 'console', 'service', 'gateway'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface AppDefinition {
  /** The process name: log prefix, control-API name, `<NAME>_PORT` prefix. */
  readonly name: string;
  /** The Nx project name. */
  readonly project: string;
  readonly role: AppRole;
  /** Built entry point, relative to the workspace root. */
  readonly main: string;
}

const projectFileSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  tags: z.array(z.string()).default([]),
});

const roleRank = (role: AppRole) => APP_ROLES.indexOf(role);

/**
 * The registry keeps the name `npm start` has always printed (and that
 * CONSUL_HTTP_ADDR's port stands for); every other app is its project.
 */
const processName = (project: string, role: AppRole) =>
  role === 'registry' ? 'registry' : project;

function readApp(workspaceRoot: string, dir: string): AppDefinition | undefined {
  const file = path.join(workspaceRoot, 'apps', dir, 'project.json');
  if (!existsSync(file)) return undefined;
  const parsed = projectFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`apps/${dir}/project.json: ${z.prettifyError(parsed.error)}`);
  }
  const roles = parsed.data.tags
    .filter((tag) => tag.startsWith('role:'))
    .map((tag) => tag.slice('role:'.length));
  if (roles.length === 0) return undefined;
  const [role, ...others] = roles;
  if (others.length > 0 || !(APP_ROLES as readonly string[]).includes(role)) {
    throw new Error(
      `apps/${dir}/project.json: expected one role tag of ${APP_ROLES.map((r) => `role:${r}`).join(', ')}; got ${roles.map((r) => `role:${r}`).join(', ')}`,
    );
  }
  const appRole = role as AppRole;
  return {
    name: processName(parsed.data.name, appRole),
    project: parsed.data.name,
    role: appRole,
    main: path.join('apps', dir, 'dist', 'main.js'),
  };
}

/**
 * Every app under apps/ with a `role:*` tag, in start order (registry,
 * console, services, gateway; by name within a role). Apps without a role
 * (the e2e suites) are not started.
 */
export function discoverApps(workspaceRoot: string): AppDefinition[] {
  const apps = readdirSync(path.join(workspaceRoot, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readApp(workspaceRoot, entry.name))
    .filter((app): app is AppDefinition => app !== undefined);
  // One registry and one console: the others are told a single address of each.
  for (const role of ['registry', 'console'] as const) {
    const many = apps.filter((app) => app.role === role);
    if (many.length > 1) {
      throw new Error(
        `more than one app has role:${role}: ${many.map((a) => a.project).join(', ')}`,
      );
    }
  }
  return apps.sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name));
}

/**
 * The apps grouped in the order they start: each group starts once the one
 * before is ready, and the members of a group start together. Stopping goes
 * through the groups in reverse (the registry last: apps deregister from it).
 */
export function startStages(apps: readonly AppDefinition[]): AppDefinition[][] {
  return APP_ROLES.map((role) => apps.filter((app) => app.role === role)).filter(
    (stage) => stage.length > 0,
  );
}

/** Services and the gateway: preloaded with telemetry, each serving its METRICS_PORT. */
export const isInstrumented = (app: AppDefinition): boolean =>
  app.role === 'service' || app.role === 'gateway';

/** `<NAME>` of an app's `<NAME>_HOST` / `<NAME>_PORT` variables (as the app itself reads them). */
export { envPrefix } from '@junction/config';
