export * from './region-reader.js';
export * from './region.model.js';
export * from './region.module.js';
export * from './seed-region.js';
