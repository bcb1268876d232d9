import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom (docs/adr/0002-module-boundaries.md). Kernel, domain and
 * read-model code imports no npm package at all; features never touch a store driver;
 * only apps (composition roots, benchmarks) pick an adapter.
 */
const storeDrivers = ['node:sqlite', '@kurrent/*', '@eventstore/*', 'better-sqlite3'];
const depConstraints = [
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: ['*'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'], bannedExternalImports: ['*'] },
  {
    sourceTag: 'type:read-model',
    onlyDependOnLibsWithTags: ['type:read-model', 'type:domain', 'type:kernel'],
    bannedExternalImports: ['*'],
  },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:kernel'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:read-model', 'type:domain', 'type:kernel'],
    bannedExternalImports: storeDrivers,
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:read-model', 'type:domain', 'type:kernel'],
    bannedExternalImports: storeDrivers,
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
  { sourceTag: 'scope:region', onlyDependOnLibsWithTags: ['scope:region', 'scope:platform'] },
  { sourceTag: 'scope:commitments', onlyDependOnLibsWithTags: ['scope:commitments', 'scope:region', 'scope:platform'] },
  { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:audit', 'scope:platform'] },
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
];

// Specs may also use the shared test kit (contract suites, decider specs).
const specDepConstraints = depConstraints.map((c) =>
  c.sourceTag.startsWith('type:') && !c.onlyDependOnLibsWithTags.includes('*')
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'], bannedExternalImports: c.bannedExternalImports?.filter((p) => p !== '*') }
    : c,
);
const boundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints, checkDynamicDependenciesExceptions: [] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.nx/**', 'data/**', 'apps/council-web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    // Nest reads constructor parameter types at run time: tell consistent-type-imports so.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Inject the Clock instead of reading Date.now().',
        },
      ],
    },
  },
  {
    // Only the SQLite adapters (and benchmarks measuring them against raw SQLite, and the
    // tests that tamper with the log file behind the platform's back) open node:sqlite.
    files: ['**/*.ts'],
    ignores: ['libs/platform/event-store-sqlite/**', 'libs/platform/read-model-sqlite/**', 'tests/bench/**', 'tests/reliability/**', 'tests/cli/**', 'tests/integration/log-verification.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'node:sqlite', message: 'Only the SQLite adapter opens SQLite; depend on the EventStore port.' }] },
      ],
    },
  },
  {
    // Pure code does no I/O: the kernel may hash, domain and read-model code needs no Node module at all.
    files: ['libs/platform/event-sourcing/**/*.ts', 'libs/*/domain/**/*.ts', 'libs/*/read-models/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:(?!crypto$)',
              message: 'Kernel, domain and read-model code does no I/O: only node:crypto (hashing, ids) is allowed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', 'tools/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(specDepConstraints) },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
  },
);
