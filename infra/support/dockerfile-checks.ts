import { finalStage, type DockerInstruction } from './dockerfile';
import { HEALTH_PROBE_IN_IMAGE } from './image-layout';

export interface DockerfileContext {
  /** The Node version the workspace runs on. */
  readonly nodeVersion: string;
  /** Signals every app drains on. */
  readonly drainSignals: ReadonlySet<string>;
}

const argDefault = (instructions: readonly DockerInstruction[], name: string) =>
  instructions
    .filter((i) => i.instruction === 'ARG')
    .map((i) => /^(\w+)(?:=(.*))?$/.exec(i.args))
    .find((match) => match?.[1] === name)?.[2];

/** What infra/Dockerfile must be for the images to run the apps as deployed; empty when it is. */
export function checkDockerfile(
  instructions: readonly DockerInstruction[],
  ctx: DockerfileContext,
): string[] {
  const problems: string[] = [];
  const stage = finalStage(instructions);
  const from = stage[0]?.args ?? '';
  const nodeVersion = argDefault(instructions, 'NODE_VERSION');
  if (!/^node:\$\{NODE_VERSION\}-/.test(from) || nodeVersion !== ctx.nodeVersion) {
    problems.push(
      `runtime image ${from} (NODE_VERSION=${nodeVersion}) is not node ${ctx.nodeVersion}`,
    );
  }
  if (!stage.some((i) => i.instruction === 'ARG' && i.args === 'APP')) {
    problems.push('the runtime stage declares no ARG APP (which app the image is)');
  }
  const copies = stage.filter((i) => i.instruction === 'COPY');
  if (!copies.some((i) => /\/dist\/bundles\/\$\{APP\}\/? \/app\/?$/.test(i.args))) {
    problems.push('the runtime stage does not copy the bundle dist/bundles/${APP}/ to /app/');
  }
  if (copies.some((i) => i.args.includes('node_modules'))) {
    problems.push('the runtime stage copies node_modules: the bundle needs none');
  }
  const probeDir = HEALTH_PROBE_IN_IMAGE.slice(0, HEALTH_PROBE_IN_IMAGE.lastIndexOf('/') + 1);
  if (!copies.some((i) => i.args.includes('health-probe.mjs') && i.args.endsWith(probeDir))) {
    problems.push(`the runtime stage does not put health-probe.mjs in ${probeDir}`);
  }
  const user = stage.filter((i) => i.instruction === 'USER').pop()?.args;
  if (!user || !/^[1-9]\d*(:\d+)?$/.test(user)) {
    problems.push(
      `USER ${user ?? '(none)'}: run as a numeric non-root user (runAsNonRoot checks numbers)`,
    );
  }
  const stopSignal = stage.filter((i) => i.instruction === 'STOPSIGNAL').pop()?.args;
  if (!stopSignal || !ctx.drainSignals.has(stopSignal)) {
    problems.push(
      `STOPSIGNAL ${stopSignal ?? '(none)'} is not one the apps drain on (${[...ctx.drainSignals].join(', ')})`,
    );
  }
  const entrypoint = stage.filter((i) => i.instruction === 'ENTRYPOINT').pop()?.args ?? '';
  if (!entrypoint.startsWith('[')) {
    problems.push('ENTRYPOINT must be exec form, so the signal reaches the shell that execs node');
  }
  return problems;
}
