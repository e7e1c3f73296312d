import type { Tree } from '@nx/devkit';

/** The documented service ports run 9101–9104; a new service takes the next one. */
const FIRST_SERVICE_PORT = 9101;
/** 9200 on are the launcher's metrics ports. */
const LAST_SERVICE_PORT = 9199;
const DECLARED_PORT = /grpcServiceEnv\(\s*'[A-Z0-9_]+'\s*,\s*(\d+)\s*\)/g;

/** Every default port a service config in apps/ declares. */
export function declaredServicePorts(tree: Tree): number[] {
  const ports: number[] = [];
  for (const app of tree.children('apps')) {
    const dir = `apps/${app}/src/config`;
    if (!tree.exists(dir)) continue;
    for (const file of tree.children(dir).filter((name) => name.endsWith('.config.ts'))) {
      const text = tree.read(`${dir}/${file}`, 'utf-8') ?? '';
      for (const match of text.matchAll(DECLARED_PORT)) ports.push(Number(match[1]));
    }
  }
  return ports;
}

/** The default port of a new service: the first in 9101–9199 no service declares. */
export function nextServicePort(tree: Tree): number {
  const taken = new Set(declaredServicePorts(tree));
  for (let port = FIRST_SERVICE_PORT; port <= LAST_SERVICE_PORT; port++) {
    if (!taken.has(port)) return port;
  }
  throw new Error(`every service port from ${FIRST_SERVICE_PORT} to ${LAST_SERVICE_PORT} is taken`);
}
