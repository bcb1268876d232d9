import { swcOptions } from './tools/swc-options.mjs';

/** Jest runs the TypeScript sources as native ESM (NestJS 12 is ESM-only), compiled by SWC. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  testTimeout: 30_000,
  // CI logs name every test, so the skipped EventStoreDB contract shows its reason.
  verbose: true,
  globalSetup: '<rootDir>/tools/jest-global-setup.mjs',
};
