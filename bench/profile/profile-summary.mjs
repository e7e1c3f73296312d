// Where a .cpuprofile's busy time went: self time by package (node_modules
// package, Junction lib or app, Node internal module) and by function.
import { readFileSync } from 'node:fs';

const packageOf = (url) => {
  if (!url) return '(V8: GC, program, native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  const own = /\/(libs|apps)\/([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url;
};

/** Self time per key, as shares of the busy (non-idle) time, largest first. */
function shares(profile, keyOf) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    const key = keyOf(frame);
    totals.set(key, (totals.get(key) ?? 0) + dt);
  });
  return [...totals].map(([key, t]) => [key, t / busy]).sort((a, b) => b[1] - a[1]);
}

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byPackage = shares(profile, (f) =>
    f.url ? packageOf(f.url) : f.functionName === '(garbage collector)' ? '(GC)' : packageOf(''),
  );
  const byFunction = shares(
    profile,
    (f) => `${f.functionName || '(anonymous)'} ${packageOf(f.url)}`,
  );
  const rows = (list) =>
    list
      .slice(0, top)
      .map(([key, share]) => `| ${key} | ${(share * 100).toFixed(1)} % |`)
      .join('\n');
  return { byPackage: rows(byPackage), byFunction: rows(byFunction) };
}
