import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DOCKERFILE,
  drainSignals,
  readDockerfile,
  type DockerInstruction,
} from './support/dockerfile';
import { checkDockerfile, type DockerfileContext } from './support/dockerfile-checks';
import { deployableApps, INFRA } from './support/workspace-apps';

const ctx = (): DockerfileContext => ({
  nodeVersion: process.versions.node,
  drainSignals: drainSignals(),
});
const replaced = (instruction: string, args: string): DockerInstruction[] =>
  readDockerfile().map((i) => (i.instruction === instruction ? { instruction, args } : i));

describe('infra/Dockerfile', () => {
  it('builds a small runtime of the bundle alone, as a numeric non-root user, stopping on the drain signal', () => {
    expect(checkDockerfile(readDockerfile(DOCKERFILE), ctx())).toEqual([]);
  });

  it('reads the drain signals from the apps: SIGTERM (and SIGINT)', () => {
    expect([...drainSignals()].sort()).toEqual(['SIGINT', 'SIGTERM']);
  });

  describe('fails when what it checks breaks', () => {
    it('a stop signal the apps do not drain on', () => {
      expect(checkDockerfile(replaced('STOPSIGNAL', 'SIGQUIT'), ctx())).toEqual([
        'STOPSIGNAL SIGQUIT is not one the apps drain on (SIGTERM, SIGINT)',
      ]);
    });

    it('root, or a user name runAsNonRoot cannot check', () => {
      expect(checkDockerfile(replaced('USER', 'node'), ctx())).toHaveLength(1);
      expect(checkDockerfile(replaced('USER', '0'), ctx())).toHaveLength(1);
    });

    it('another Node, node_modules in the image, or not the bundle', () => {
      const instructions = readDockerfile().map((i) =>
        i.instruction === 'ARG' && i.args.startsWith('NODE_VERSION=')
          ? { ...i, args: 'NODE_VERSION=22.1.0' }
          : i,
      );
      expect(checkDockerfile(instructions, ctx()).join('\n')).toMatch(/is not node 20/);
      const withModules = [
        ...readDockerfile(),
        { instruction: 'COPY', args: '--from=build /src/node_modules /app/node_modules' },
      ];
      expect(checkDockerfile(withModules, ctx())).toContain(
        'the runtime stage copies node_modules: the bundle needs none',
      );
      const noBundle = readDockerfile().filter((i) => !i.args.includes('dist/bundles'));
      expect(checkDockerfile(noBundle, ctx())).toContain(
        'the runtime stage does not copy the bundle dist/bundles/${APP}/ to /app/',
      );
    });
  });

  describe('the entrypoint', () => {
    let bin: string;
    beforeAll(() => {
      // A stand-in `node` that prints what it was started with.
      bin = mkdtempSync(path.join(tmpdir(), 'junction-entrypoint-'));
      writeFileSync(
        path.join(bin, 'node'),
        '#!/bin/sh\necho "ADVERTISE_HOST=$ADVERTISE_HOST args=$*"\n',
      );
      chmodSync(path.join(bin, 'node'), 0o755);
    });
    afterAll(() => rmSync(bin, { recursive: true, force: true }));
    const run = (env: Record<string, string>) =>
      spawnSync('sh', [path.join(INFRA, 'docker', 'entrypoint.sh'), '--flag'], {
        env: { PATH: `${bin}:${process.env.PATH}`, ...env },
        encoding: 'utf8',
      });

    it('execs node on the bundle, advertising this container’s address unless told one', () => {
      const own = run({});
      expect(own.status).toBe(0);
      expect(own.stdout).toMatch(/^ADVERTISE_HOST=\S+ args=\/app\/main\.js --flag\n$/);
      expect(run({ ADVERTISE_HOST: '10.1.2.3' }).stdout).toBe(
        'ADVERTISE_HOST=10.1.2.3 args=/app/main.js --flag\n',
      );
    });

    it('sets a variable every registering app reads', async () => {
      const registering = (await deployableApps()).filter((app) => app.role !== 'console');
      expect(registering.length).toBeGreaterThan(0);
      for (const app of registering) expect(app.reads).toContain('ADVERTISE_HOST');
    });
  });
});
