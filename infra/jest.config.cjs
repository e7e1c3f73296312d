// The deployment files (Dockerfile, compose.yaml, the Helm chart), checked
// offline against what the apps really read and listen on: specs sit beside
// the files they check, helpers in support/.
module.exports = require('../jest.preset.cjs')(__dirname, {
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Rendering the chart fetches the pinned helm once (support/helm-binary.ts).
  testTimeout: 120_000,
});
