// What operators look at, against real processes: a real Prometheus scraping
// the stack, infra/'s Prometheus and Grafana files checked with promtool and
// against the metrics the apps really expose, and the console in Chromium.
module.exports = require('../../jest.preset.cjs')(__dirname, { testTimeout: 60_000 });
