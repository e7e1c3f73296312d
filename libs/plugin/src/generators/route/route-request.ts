import type { Tree } from '@nx/devkit';
import { rpcNames, serviceNames } from '../../workspace/service-names';
import { serviceProject, type ServiceProject } from '../../workspace/service-project';
import { declaresRpc, messageFields, type ProtoField } from './proto-fields';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const PATH = /^\/api\/v\d+(\/([a-z0-9]+(-[a-z0-9]+)*|:[a-z][a-zA-Z0-9]*))+$/;
const CALL = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([A-Z][A-Za-z0-9]*)$/;

/** One upstream call of the route. */
export interface RouteCall {
  readonly service: ServiceProject;
  readonly rpc: ReturnType<typeof rpcNames>;
  /** The key of its answer in the route's response (the RPC's method name, or service-prefixed if two share it). */
  readonly section: string;
  readonly optional: boolean;
  readonly fields: readonly ProtoField[];
}

export interface RouteRequest {
  readonly method: HttpMethod;
  /** `/api/v1/price-quotes/:id` */
  readonly path: string;
  /** The path as Nest and Fastify route it, without the leading slash. */
  readonly routePath: string;
  readonly params: readonly string[];
  /** Where the rest of the input comes from: the query string (GET, DELETE) or a JSON body. */
  readonly inputFrom: 'query' | 'body';
  readonly calls: readonly RouteCall[];
  /** `get-price-quotes-by-id`: the feature folder and file names. */
  readonly name: string;
  /** `GetPriceQuotesById` */
  readonly className: string;
  /** `getPriceQuotesById` */
  readonly handlerName: string;
  /** OpenAPI tag: the first path segment after the version. */
  readonly tag: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

function routeCall(tree: Tree, call: string, optional: boolean): Omit<RouteCall, 'section'> {
  const match = CALL.exec(call);
  if (!match) throw new Error(`"${call}" is not <service>.<Rpc> (e.g. price-quotes.GetItem)`);
  const [, name, rpc] = match;
  const service = serviceProject(tree, name);
  const proto = tree.read(service.protoFile, 'utf-8') ?? '';
  if (!declaresRpc(proto, rpc)) throw new Error(`${service.protoFile} declares no rpc ${rpc}`);
  const fields = messageFields(proto, `${rpc}Request`);
  if (!fields) throw new Error(`${service.protoFile} has no top-level message ${rpc}Request`);
  const unmapped = fields.filter((field) => field.kind === 'other');
  if (unmapped.length) {
    throw new Error(
      `${rpc}Request has fields of enum or map types (${unmapped.map((f) => f.name).join(', ')}): the route generator maps scalars and messages only`,
    );
  }
  return { service, rpc: rpcNames(rpc), optional, fields };
}

/** The route the options ask for, or a refusal saying what is wrong. */
export function routeRequest(
  tree: Tree,
  options: { method: string; path: string; calls: string; optional?: string },
): RouteRequest {
  const method = options.method.toUpperCase() as HttpMethod;
  if (!HTTP_METHODS.includes(method)) {
    throw new Error(`"${options.method}" is not one of ${HTTP_METHODS.join(', ')}`);
  }
  if (!PATH.test(options.path)) {
    throw new Error(
      `"${options.path}" is not a route path: /api/v<N>/ then kebab-case segments or :camelCase parameters`,
    );
  }
  const essential = list(options.calls);
  if (essential.length === 0) throw new Error('--calls names no <service>.<Rpc>');
  const drafts = [
    ...essential.map((call) => routeCall(tree, call, false)),
    ...list(options.optional).map((call) => routeCall(tree, call, true)),
  ];
  const methodNames = drafts.map((call) => call.rpc.methodName);
  const calls = drafts.map((call) => ({
    ...call,
    section:
      methodNames.filter((name) => name === call.rpc.methodName).length > 1
        ? `${call.service.propertyName}${call.rpc.rpc}`
        : call.rpc.methodName,
  }));
  const segments = options.path.split('/').slice(3);
  const params = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  const fieldNames = new Set(calls.flatMap((call) => call.fields.map((field) => field.name)));
  const stray = params.filter((param) => !fieldNames.has(param));
  if (stray.length) {
    throw new Error(
      `path parameter ${stray.map((p) => `:${p}`).join(', ')} is no field of the called RPCs' requests`,
    );
  }
  const words = segments.filter((s) => !s.startsWith(':'));
  const byParams = params.length
    ? `-by-${params.map((p) => p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('-and-')}`
    : '';
  const name = `${method.toLowerCase()}-${words.join('-')}${byParams}`;
  const { className } = serviceNames(name);
  return {
    method,
    path: options.path,
    routePath: options.path.slice(1),
    params,
    inputFrom: method === 'GET' || method === 'DELETE' ? 'query' : 'body',
    calls,
    name,
    className,
    handlerName: className[0].toLowerCase() + className.slice(1),
    tag: words[0] ?? name,
  };
}
