import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { readdirSync, readFileSync } from 'node:fs';

// App packages export nothing, so the module-boundary rule cannot resolve an
// import of one to a project; name them here so such an import still fails.
const appPackages = readdirSync(new URL('./apps', import.meta.url)).map(
  (dir) =>
    JSON.parse(readFileSync(new URL(`./apps/${dir}/package.json`, import.meta.url), 'utf8')).name,
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', 'libs/contracts/src/generated/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Layers, as in shared/architecture.md: contracts depend on nothing;
      // framework-free cores only on cores; Nest adapters on cores and
      // contracts; apps on any library and never on another app; the
      // browser UI on contracts only.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'] },
            {
              sourceTag: 'type:nest',
              onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:nest'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:nest'],
            },
            // The console's front end runs in a browser: it shares only API types.
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:contracts'] },
            // The Nx generators write source; they import nothing of the platform.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
            // infra/'s checks read the apps' config schemas as data, by path
            // (infra/support/workspace-apps.ts); by import only cores and contracts.
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'] },
            // End-to-end suites drive apps as processes, never by import.
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:core', 'type:contracts'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: appPackages.flatMap((name) => [name, `${name}/*`]),
              message:
                'Apps are deployed alone: never import an app (libs never do; apps never import each other).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tools/**', 'bench/**', 'apps/*-e2e/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
