// The apps' single-file bundles (dist/bundles/<app>), copied into a folder
// with no node_modules and run with plain node. Each suite starts (and stops)
// what it needs.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 60_000 });
