// Specs cover the platform-free logic (*.ts: no DOM, no Preact), which the
// shared preset transpiles as is; components (*.tsx) run in the browser test.
module.exports = require('../../jest.preset.cjs')(__dirname);
