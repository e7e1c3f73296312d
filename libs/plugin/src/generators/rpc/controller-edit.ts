import { GRPC_SERVER } from '../../workspace/platform-packages';
import type { ServiceProject } from '../../workspace/service-project';
import type { rpcNames } from '../../workspace/service-names';

const GRPC_SERVER_IMPORT = /^import \{([^}]*)\} from '@junction\/grpc-server';$/m;

/** The controller with `unimplemented` imported from @junction/grpc-server. */
function importUnimplemented(source: string): string {
  const match = GRPC_SERVER_IMPORT.exec(source);
  if (!match) {
    return source.replace(
      /^(import [^\n]*\n)(?!import)/m,
      `$1import { unimplemented } from '${GRPC_SERVER}';\n`,
    );
  }
  const names = match[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes('unimplemented')) return source;
  return source.replace(
    match[0],
    `import { ${[...names, 'unimplemented'].join(', ')} } from '${GRPC_SERVER}';`,
  );
}

/**
 * The controller with a handler for `rpc` before the class's closing brace:
 * it answers UNIMPLEMENTED, so the service keeps serving every RPC its
 * contract declares while the developer writes the real one.
 */
export function addUnimplementedHandler(
  source: string,
  service: ServiceProject,
  rpc: ReturnType<typeof rpcNames>,
): string {
  const closing = source.trimEnd().lastIndexOf('\n}');
  if (closing < 0)
    throw new Error(`${service.controllerFile} does not end with its class's closing brace`);
  const ns = `${service.propertyName}V1`;
  const serviceName = /^const SERVICE = /m.test(source) ? 'SERVICE' : `'${service.grpcService}'`;
  const handler = [
    '',
    `  /** Not written yet: replace with the real behaviour, and its spec with the real answer. */`,
    `  @GrpcMethod(${serviceName}, '${rpc.rpc}')`,
    `  ${rpc.methodName}(_request: ${ns}.${rpc.rpc}Request): ${ns}.${rpc.rpc}Response {`,
    `    throw unimplemented('${rpc.rpc} is not implemented yet');`,
    '  }',
  ].join('\n');
  const edited = `${source.slice(0, closing)}\n${handler}${source.slice(closing)}`;
  return importUnimplemented(edited);
}
