export * from './seal/seal.js';
export * from './integrity/log-verifier.js';
