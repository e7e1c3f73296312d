import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from './workspace-root';

export interface ProcessLogFiles {
  /** Appends one line to `<dir>/<name>.log` (opened on first use). */
  write(name: string, line: string): void;
  close(): void;
}

/** One log file per process name under tmp/<folder>/, for a suite's failure output. */
export function processLogFiles(folder: string): ProcessLogFiles {
  const dir = path.join(WORKSPACE_ROOT, 'tmp', folder);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, WriteStream>();
  return {
    write(name, line) {
      let file = files.get(name);
      if (!file) files.set(name, (file = createWriteStream(path.join(dir, `${name}.log`))));
      file.write(`${line}\n`);
    },
    close() {
      for (const file of files.values()) file.end();
    },
  };
}
