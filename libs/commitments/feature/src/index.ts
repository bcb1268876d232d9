export * from './commitments.module.js';
export * from './commitments.policy.js';
export * from './commitment/commitment.model.js';
export * from './commitment/commitment-reader.js';
export * from './commitment/commitment-writer.js';
export * from './deadline-watcher/deadline-watcher.js';
