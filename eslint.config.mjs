import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', 'libs/contracts/src/generated/**'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Layers, as in shared/architecture.md: contracts depend on nothing;
      // framework-free cores only on cores; Nest adapters on cores and
      // contracts; apps on any library and never on another app.
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
    },
  },
  {
    files: ['**/*.spec.ts', 'tools/**', 'bench/**', 'apps/*-e2e/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
