// Shared by the launcher's specs only (nothing in src/ imports it).
import path from 'node:path';
import { nextFreePort } from '../ports/free-port';
import type { ProcessSpec } from '../process/managed-process';

/** The repository root, from libs/launcher/src/testing. */
export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');

/** A node child running `script`. */
export const nodeScript = (name: string, script: string): ProcessSpec => ({
  name,
  command: process.execPath,
  args: ['-e', script],
  env: process.env,
  cwd: __dirname,
});

/** Lives until SIGTERM, printing "up" once started. */
export const LONG_LIVED = 'setInterval(() => {}, 1000); console.log("up")';

/** `count` free ports in the 2xxxx range the tests may use, from a random start. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  let from = 20_000 + Math.floor(Math.random() * 9_000);
  for (let i = 0; i < count; i++) {
    const port = await nextFreePort(from, new Set(ports), '127.0.0.1');
    ports.push(port);
    from = port + 1;
  }
  return ports;
}
