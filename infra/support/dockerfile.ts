import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INFRA, WORKSPACE_ROOT } from './workspace-apps';

export const DOCKERFILE = path.join(INFRA, 'Dockerfile');

export interface DockerInstruction {
  readonly instruction: string;
  readonly args: string;
}

/** A Dockerfile's instructions, continuation lines joined and comments dropped. */
export function readDockerfile(file = DOCKERFILE): DockerInstruction[] {
  const logical = readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return logical.map((line) => {
    const [instruction, ...rest] = line.split(/\s+/);
    return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
  });
}

/** The instructions of the last stage: what the image is. */
export function finalStage(instructions: readonly DockerInstruction[]): DockerInstruction[] {
  const lastFrom = instructions.map((i) => i.instruction).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

/**
 * The signals the apps stop on, read from where they subscribe to them:
 * the services' runner (libs/grpc-server) and exitOnSignal (libs/telemetry),
 * which the gateway and the console use.
 */
export function drainSignals(): Set<string> {
  const sources = [
    'libs/grpc-server/src/grpc-service.runner.ts',
    'libs/telemetry/src/exit-on-signal.ts',
  ].map((file) => readFileSync(path.join(WORKSPACE_ROOT, file), 'utf8'));
  const perSource = sources.map((source) => {
    const list = /for \(const signal of \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    return new Set([...list.matchAll(/'(SIG[A-Z0-9]+)'/g)].map((match) => match[1]));
  });
  // A signal every app drains on: in each source's list.
  return new Set([...perSource[0]].filter((signal) => perSource.every((set) => set.has(signal))));
}
