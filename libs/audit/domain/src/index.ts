export * from './seal/seal.js';
export * from './integrity/log-verifier.js';
export * from './trail/audit-filter.js';
