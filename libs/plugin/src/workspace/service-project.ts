import { getProjects, type Tree } from '@nx/devkit';
import { serviceNames, type ServiceNames } from './service-names';

/** An existing service as the generators edit it. */
export interface ServiceProject extends ServiceNames {
  readonly root: string;
  /** Its gRPC transport: apps/<name>/src/grpc/<name>.controller.ts */
  readonly controllerFile: string;
}

/** The service `name` of this workspace, or a refusal saying what is missing. */
export function serviceProject(tree: Tree, name: string): ServiceProject {
  const project = getProjects(tree).get(name);
  if (!project?.tags?.includes('role:service')) {
    const services = [...getProjects(tree)]
      .filter(([, config]) => config.tags?.includes('role:service'))
      .map(([service]) => service)
      .sort();
    throw new Error(
      `"${name}" is not a service of this workspace (services: ${services.join(', ')})`,
    );
  }
  const names = serviceNames(name);
  const controllerFile = `${project.root}/src/grpc/${name}.controller.ts`;
  for (const file of [names.protoFile, controllerFile]) {
    if (!tree.exists(file))
      throw new Error(`${name} has no ${file}, where the generators expect it`);
  }
  return { ...names, root: project.root, controllerFile };
}
