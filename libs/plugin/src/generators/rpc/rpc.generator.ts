import path from 'node:path';
import { formatFiles, generateFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { refuse, rpcNameProblem } from '../../workspace/name-rules';
import { regenerateContracts } from '../../workspace/regenerate-contracts';
import { rpcNames } from '../../workspace/service-names';
import { serviceProject } from '../../workspace/service-project';
import { addUnimplementedHandler } from './controller-edit';
import {
  addRpc,
  declaredNames,
  IDEMPOTENCY_LEVELS,
  protoDeclares,
  type Idempotency,
} from './proto-edit';

export interface RpcGeneratorOptions {
  readonly service: string;
  readonly rpc: string;
  readonly idempotency?: Idempotency;
  readonly skipContracts?: boolean;
}

/**
 * `nx g @junction/plugin:rpc <service> <Rpc>`: the RPC and its messages in
 * the service's proto, a handler answering UNIMPLEMENTED and a spec saying
 * so; the tree stays green until the developer writes both for real.
 */
export async function rpcGenerator(
  tree: Tree,
  options: RpcGeneratorOptions,
): Promise<GeneratorCallback | undefined> {
  refuse(rpcNameProblem(options.rpc));
  const idempotency = options.idempotency ?? 'unknown';
  if (!(idempotency in IDEMPOTENCY_LEVELS)) {
    refuse(
      `idempotency "${idempotency}" is not one of ${Object.keys(IDEMPOTENCY_LEVELS).join(', ')}`,
    );
  }
  const service = serviceProject(tree, options.service);
  const proto = tree.read(service.protoFile, 'utf-8') ?? '';
  const taken = declaredNames(options.rpc).filter((name) => protoDeclares(proto, name));
  if (taken.length) refuse(`${service.protoFile} already declares ${taken.join(', ')}`);
  const rpc = rpcNames(options.rpc);
  const controller = tree.read(service.controllerFile, 'utf-8') ?? '';
  tree.write(service.protoFile, addRpc(proto, service.grpcService, rpc.rpc, idempotency));
  tree.write(service.controllerFile, addUnimplementedHandler(controller, service, rpc));
  generateFiles(tree, path.join(__dirname, 'files'), path.dirname(service.controllerFile), {
    ...service,
    ...rpc,
    rpcFile: rpc.fileName,
    template: '',
  });
  await formatFiles(tree);
  return options.skipContracts ? undefined : regenerateContracts(tree.root);
}

export default rpcGenerator;
