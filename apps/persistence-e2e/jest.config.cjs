// Orders and stock on a real PostgreSQL server, two instances of each
// stateful service behind the gateway. One stack per spec file.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 90_000 });
