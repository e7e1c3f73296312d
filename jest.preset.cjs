// One Jest setup for every project: swc transpiles TypeScript (with Nest's
// decorator metadata) and workspace libraries resolve to their sources.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = (projectDir, overrides = {}) => ({
  displayName: path.basename(projectDir),
  rootDir: projectDir,
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@junction/source', 'node', 'require', 'default'],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: [require.resolve('reflect-metadata')],
  ...overrides,
});
