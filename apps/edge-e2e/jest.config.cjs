// Edge policies (rate limiting, load shedding) against real processes: the
// services and a dev registry started once; each suite starts its own
// gateways and redis-servers.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 30_000,
});
