import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const node = (script: string) => ({
  name: 'child',
  command: process.execPath,
  args: ['-e', script],
  env: process.env,
  cwd: __dirname,
});

describe('ManagedProcess', () => {
  it('keeps and forwards each output line', async () => {
    const forwarded: string[] = [];
    const proc = new ManagedProcess(node('console.log("one"); console.error("two")'), {
      onLine: (name, line, stream) => forwarded.push(`${name}:${stream}:${line}`),
    });
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    await waitUntil(() => proc.lines.length === 2, { what: 'both lines' });
    expect(new Set(forwarded)).toEqual(new Set(['child:stdout:one', 'child:stderr:two']));
  });

  it('stops a process with SIGTERM and reports how it ended', async () => {
    const proc = new ManagedProcess(
      node(
        'process.on("SIGTERM", () => process.exit(3)); setInterval(() => {}, 1000); console.log("up")',
      ),
    );
    await waitUntil(() => proc.lines.includes('up'), { what: 'child up' });
    expect(await proc.stop()).toEqual({ code: 3, signal: null });
    expect(proc.running).toBe(false);
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const proc = new ManagedProcess(
      node('process.on("SIGTERM", () => {}); setInterval(() => {}, 1000); console.log("up")'),
    );
    await waitUntil(() => proc.lines.includes('up'), { what: 'child up' });
    expect(await proc.stop(200)).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('takes its children down when the owning process dies', async () => {
    // A parent that starts a long-lived child and then crashes; the child must not outlive it.
    const parent = `
      const { ManagedProcess } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'dist', 'process', 'managed-process.js'))});
      const child = new ManagedProcess({ name: 'c', command: process.execPath,
        args: ['-e', 'setInterval(() => {}, 1000)'], env: process.env, cwd: process.cwd() });
      console.log(child.pid);
      setTimeout(() => { throw new Error('crash'); }, 100);`;
    const result = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8' });
    const childPid = Number(result.stdout.trim());
    expect(childPid).toBeGreaterThan(0);
    const alive = () => {
      try {
        process.kill(childPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(
      await waitUntil(() => !alive(), { what: 'the orphan to be gone', timeoutMs: 5000 }),
    ).toBe(true);
  });
});
