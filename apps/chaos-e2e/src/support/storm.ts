import { steadyLoad, waitUntil, type LoadResult } from '@junction/testing';
import { readFileSync } from 'node:fs';

/** A process' resident set size in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) / 1024;
}

export interface StormOptions {
  readonly gatewayUrl: string;
  /** The gateway's pid, whose memory is watched during the storm. */
  readonly pid: number;
  readonly workers: number;
  /** The storm ends after this many answers (or maxMs). */
  readonly answers: number;
  readonly maxMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface StormResult {
  readonly storm: LoadResult;
  /** GET /healthz, asked again and again during the storm. */
  readonly health: LoadResult;
  readonly peakRssMiB: number;
  readonly durationMs: number;
}

/**
 * Many request loops at once on products, with no pause between requests,
 * while one more loop asks /healthz and the gateway's memory is sampled.
 */
export async function runStorm(options: StormOptions): Promise<StormResult> {
  const { gatewayUrl, pid, workers, answers, maxMs = 20_000, headers } = options;
  let peakRssMiB = rssMiB(pid);
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, rssMiB(pid));
  }, 100);
  const startedAt = Date.now();
  const storm = steadyLoad(gatewayUrl, { workers, maxMs, headers });
  const health = steadyLoad(gatewayUrl, { workers: 1, maxMs, path: () => '/healthz' });
  const stopAll = async () => {
    clearInterval(sampler);
    return { storm: await storm.stop(), health: await health.stop() };
  };
  try {
    await waitUntil(() => storm.snapshot().total >= answers, {
      what: `${answers} answers in the storm`,
      timeoutMs: maxMs,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
  const durationMs = Date.now() - startedAt;
  return { ...(await stopAll()), peakRssMiB, durationMs };
}
