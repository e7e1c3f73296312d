import { CONTRACTS } from '../../workspace/platform-packages';
import type { Tree } from '@nx/devkit';
import type { ServiceProject } from '../../workspace/service-project';
import type { RouteRequest } from './route-request';

export const GATEWAY_MODULE = 'apps/gateway/src/gateway.module.ts';
export const UPSTREAMS_DECLARATION = 'apps/gateway/src/upstreams/upstreams.declaration.ts';
const DECLARATION_END = '} as const satisfies Record<string, UpstreamDeclaration>;';
const DECLARED_PORT = /grpcServiceEnv\(\s*'[A-Z0-9_]+'\s*,\s*(\d+)\s*\)/;

const read = (tree: Tree, file: string) => {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new Error(`${file} is missing: the route generator edits it`);
  return text;
};

const key = (name: string) => (/^[a-z][a-z0-9]*$/.test(name) ? name : `'${name}'`);

/** True when the gateway already declares `service` as an upstream. */
export const declaresUpstream = (declaration: string, service: string) =>
  new RegExp(`^  ${key(service)}: \\{`, 'm').test(declaration);

/** The service's default port (its config's grpcServiceEnv), for the static address. */
function defaultPort(tree: Tree, service: ServiceProject): number {
  const config = tree.read(`${service.root}/src/config/${service.name}.config.ts`, 'utf-8') ?? '';
  const port = DECLARED_PORT.exec(config)?.[1];
  if (!port) throw new Error(`${service.name}'s config declares no grpcServiceEnv port`);
  return Number(port);
}

/** Declares each called service the gateway does not know yet: one entry and its contracts import. */
export function declareUpstreams(tree: Tree, route: RouteRequest): string[] {
  let text = read(tree, UPSTREAMS_DECLARATION);
  if (!text.includes(DECLARATION_END)) {
    throw new Error(
      `${UPSTREAMS_DECLARATION} does not end its UPSTREAMS with "${DECLARATION_END}"`,
    );
  }
  const added: string[] = [];
  for (const { service } of route.calls) {
    if (declaresUpstream(text, service.name) || added.includes(service.name)) continue;
    const entry = `  ${key(service.name)}: {
    definition: ${service.propertyName}V1.${service.grpcService}Definition,
    staticAddress: '127.0.0.1:${defaultPort(tree, service)}',
  },
`;
    text = text.replace(DECLARATION_END, `${entry}${DECLARATION_END}`);
    const imports = [...text.matchAll(/^import .* from '@junction\/contracts';$/gm)];
    const last = imports[imports.length - 1];
    const line = `import { ${service.propertyName}V1 } from '${CONTRACTS}';`;
    text = last ? text.replace(last[0], `${last[0]}\n${line}`) : `${line}\n${text}`;
    added.push(service.name);
  }
  tree.write(UPSTREAMS_DECLARATION, text);
  return added;
}

/**
 * Imports the route's module into the gateway's, in its `imports: [...]`
 * list as prettier leaves it: one line while it fits, one entry per line
 * after that.
 */
export function importRouteModule(tree: Tree, route: RouteRequest): void {
  const entry = `${route.className}Module`;
  const lines = read(tree, GATEWAY_MODULE).split('\n');
  const oneLine = lines.findIndex((line) => /^\s*imports: \[.*\],$/.test(line));
  if (oneLine >= 0) {
    lines[oneLine] = lines[oneLine].replace(/\],$/, `, ${entry}],`).replace('[, ', '[');
  } else {
    const start = lines.findIndex((line) => line.trim() === 'imports: [');
    const end = lines.findIndex((line, index) => index > start && line.trim() === '],');
    if (start < 0 || end < 0) throw new Error(`${GATEWAY_MODULE} has no imports: [ … ], list`);
    const indent = lines[start].slice(0, lines[start].length - lines[start].trimStart().length);
    lines.splice(end, 0, `${indent}  ${entry},`);
  }
  const lastImport = lines.map((line) => line.startsWith('import ')).lastIndexOf(true);
  lines.splice(
    lastImport + 1,
    0,
    `import { ${entry} } from './routes/${route.name}/${route.name}.module';`,
  );
  tree.write(GATEWAY_MODULE, lines.join('\n'));
}
