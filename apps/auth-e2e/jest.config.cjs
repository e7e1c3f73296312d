// Authentication against the running stack: API keys through the CLI and
// two gateway replicas, JWTs from an identity provider the suite runs (and
// rotates), identities kept apart down to the orders they own. One stack
// for every file, started by the global setup.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
});
