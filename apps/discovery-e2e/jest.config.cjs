// Discovery under failure: real processes around the dev registry. Each
// suite starts (and stops) the stack it needs.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 60_000 });
