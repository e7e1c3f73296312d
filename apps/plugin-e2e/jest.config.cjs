// Generates into a copy of the workspace, then builds, tests and runs it.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 120_000 });
