import { swcOptions, swcTsxOptions } from './tools/swc-options.mjs';

/** Jest runs the TypeScript sources as native ESM (NestJS 12 is ESM-only), compiled by SWC. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  // *.spec.tsx: the dashboard's component tests, each in jsdom (`@jest-environment jsdom` in its docblock).
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '\\.css$': '<rootDir>/tools/jest-style-stub.mjs' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }],
    '^.+\\.tsx$': ['@swc/jest', { ...swcTsxOptions, swcrc: false }],
  },
  testTimeout: 30_000,
  // CI logs name every test, so the skipped EventStoreDB contract shows its reason.
  verbose: true,
  globalSetup: '<rootDir>/tools/jest-global-setup.mjs',
};
