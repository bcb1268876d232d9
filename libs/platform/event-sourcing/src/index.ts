export * from './events.js';
export * from './errors.js';
export * from './event-store.js';
export * from './clock.js';
export * from './canonical-json.js';
export * from './hash-chain.js';
export * from './append-plan.js';
