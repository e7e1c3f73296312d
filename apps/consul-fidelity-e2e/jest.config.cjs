// Consul HTTP API fidelity: every spec speaks HTTP to one agent. Without
// CONSUL_HTTP_ADDR the global setup starts the dev registry (time scale 0.02);
// with it, the suite runs unchanged against that (real) Consul at real timings.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Long waits pass their own (scaled) timeouts; this is the default for the rest.
  testTimeout: process.env.CONSUL_HTTP_ADDR ? 120_000 : 20_000,
});
