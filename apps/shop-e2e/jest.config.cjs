// The whole shop as real processes: started once for every suite here.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 30_000,
});
