export * from './scalars/index.js';
export * from './graphql-context.js';
export * from './error-formatter.js';
export * from './query-limits.js';
export * from './json-body.js';
export * from './policy-enforcement.js';
export * from './schema-file.js';
export * from './graphql-platform.module.js';
