import path from 'node:path';
import { formatFiles, generateFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { exportContracts } from '../../workspace/contracts-index';
import { refuse, serviceNameProblem } from '../../workspace/name-rules';
import { regenerateContracts } from '../../workspace/regenerate-contracts';
import { declaredServicePorts, nextServicePort } from '../../workspace/service-ports';
import { serviceNames } from '../../workspace/service-names';

export interface ServiceGeneratorOptions {
  readonly name: string;
  readonly port?: number;
  readonly skipContracts?: boolean;
}

/**
 * `nx g @junction/plugin:service <name>`: the proto with a sample RPC, its
 * contracts exported, and apps/<name> (its domain plus one declaration in
 * main.ts), tagged role:service so `npm start`, the test stacks and the
 * console pick it up. Refused, with nothing written, for a bad or taken name.
 */
export async function serviceGenerator(
  tree: Tree,
  options: ServiceGeneratorOptions,
): Promise<GeneratorCallback | undefined> {
  const name = String(options.name ?? '').trim();
  refuse(serviceNameProblem(tree, name));
  const names = serviceNames(name);
  if (tree.exists(path.dirname(names.protoFile))) {
    refuse(
      `${path.dirname(names.protoFile)} already exists: ${name} would share its proto package`,
    );
  }
  if (options.port !== undefined && declaredServicePorts(tree).includes(options.port)) {
    refuse(`port ${options.port} is already another service's default`);
  }
  const port = options.port ?? nextServicePort(tree);
  const substitutions = { ...names, port, template: '' };
  generateFiles(
    tree,
    path.join(__dirname, 'files', 'proto'),
    path.dirname(names.protoFile),
    substitutions,
  );
  generateFiles(tree, path.join(__dirname, 'files', 'app'), `apps/${name}`, substitutions);
  exportContracts(tree, names);
  await formatFiles(tree);
  return options.skipContracts ? undefined : regenerateContracts(tree.root);
}

export default serviceGenerator;
