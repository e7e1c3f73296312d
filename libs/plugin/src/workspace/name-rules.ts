import { getProjects, type Tree } from '@nx/devkit';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PASCAL_CASE = /^[A-Z][a-zA-Z0-9]*$/;
/** A registry name is a DNS label: 63 at most; shorter leaves room for `-e2e` and the like. */
const MAX_NAME_LENGTH = 40;

/**
 * Names a service cannot take: the platform's own processes and libraries,
 * what discovery, health and the mux already answer to, and proto keywords
 * (they become the proto package).
 */
const RESERVED = new Set([
  'gateway',
  'registry',
  'dev-registry',
  'console',
  'console-ui',
  'consul',
  'launcher',
  'plugin',
  'contracts',
  'junction',
  'grpc',
  'health',
  'mux',
  'bench',
  'testing',
  'test',
  'app',
  'service',
  'package',
  'message',
  'enum',
  'rpc',
  'import',
  'option',
  'syntax',
  'stream',
  'returns',
  'oneof',
  'map',
  'reserved',
  'extend',
]);

/** Why `name` cannot be a new service of this workspace; undefined when it can. */
export function serviceNameProblem(tree: Tree, name: string): string | undefined {
  if (!KEBAB_CASE.test(name)) {
    return `"${name}" is not kebab-case: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. price-quotes)`;
  }
  if (name.length > MAX_NAME_LENGTH)
    return `"${name}" is longer than ${MAX_NAME_LENGTH} characters`;
  if (RESERVED.has(name)) return `"${name}" is reserved by the platform`;
  if (name.endsWith('-e2e')) return `"${name}" ends in -e2e, which names end-to-end suites`;
  if (getProjects(tree).has(name)) return `a project named "${name}" already exists`;
  if (tree.exists(`apps/${name}`)) return `apps/${name} already exists`;
  return undefined;
}

/** Why `rpc` cannot be an RPC name; undefined when it can. */
export const rpcNameProblem = (rpc: string): string | undefined =>
  PASCAL_CASE.test(rpc)
    ? undefined
    : `"${rpc}" is not an RPC name: PascalCase letters and digits, starting with a capital (e.g. GetQuote)`;

/** Refuses the generation with a message Nx prints; nothing has been written. */
export function refuse(problem: string | undefined): void {
  if (problem) throw new Error(problem);
}
