// The platform under chaos: real processes, faults injected through Consul KV
// and signals, steady load on the gateway. Each suite starts (and stops) its stack.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 60_000 });
