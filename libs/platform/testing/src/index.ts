export * from './event-store-contract.js';
export * from './decider-spec.js';
