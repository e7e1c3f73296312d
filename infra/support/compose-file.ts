import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

type Env = Readonly<Record<string, string | undefined>>;

/** A compose file as YAML, anchors and merge keys (`<<:`) resolved as compose resolves them. */
export const readComposeYaml = (file: string): Record<string, unknown> =>
  parse(readFileSync(file, 'utf8'), { merge: true }) as Record<string, unknown>;

const VARIABLE =
  /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose's interpolation of one string: `$$`, `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}` and `${VAR:?message}` / `${VAR?message}`
 * (a missing required variable throws, as `docker compose` refuses to start).
 */
export function interpolate(value: string, env: Env): string {
  return value.replace(
    VARIABLE,
    (whole, escapedOrBraced: string, name?: string, op?: string, arg?: string, bare?: string) => {
      if (escapedOrBraced === '$') return '$';
      const variable = name ?? bare ?? '';
      const current = env[variable];
      const unset = current === undefined;
      const empty = unset || current === '';
      switch (op) {
        case ':-':
          return empty ? (arg ?? '') : current;
        case '-':
          return unset ? (arg ?? '') : current;
        case ':?':
        case '?':
          if (op === ':?' ? empty : unset) throw new Error(`${variable}: ${arg || 'required'}`);
          return current ?? '';
        default:
          return current ?? '';
      }
    },
  );
}

/** Every string in a parsed compose file interpolated (keys are left as written, as compose does). */
export function interpolateAll<T>(node: T, env: Env): T {
  if (typeof node === 'string') return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateAll(value, env)]),
    ) as T;
  }
  return node;
}

/**
 * The Compose Specification's JSON schema as dclint vendors it (its
 * schemas/compose.schema.json, taken from the compose-spec repository).
 */
export function composeSchemaFile(): string {
  return path.join(
    path.dirname(require.resolve('dclint/package.json')),
    'schemas',
    'compose.schema.json',
  );
}

/** Problems the compose-spec schema finds, as `path: message` lines (none when valid). */
export function composeSchemaProblems(compose: unknown): string[] {
  // Draft-07, named by an https URL ajv does not know as its meta-schema's id.
  const { $schema: _draft07, ...schema } = JSON.parse(
    readFileSync(composeSchemaFile(), 'utf8'),
  ) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(compose)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
