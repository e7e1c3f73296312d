// Preloaded (NODE_OPTIONS=--require) into the one process `bench/profile.mjs`
// profiles: samples its CPU from start to exit and writes a .cpuprofile
// (Chrome DevTools' format) to CPU_PROFILE_FILE. `--cpu-prof` itself is not
// allowed in NODE_OPTIONS.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.on('exit', () => {
  // The in-process session answers synchronously, so this runs before exit.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.CPU_PROFILE_FILE, JSON.stringify(result.profile));
  });
});
