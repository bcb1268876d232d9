export * from './track.js';
export * from './region/region.events.js';
export * from './region/region.commands.js';
export * from './region/region.state.js';
export * from './region/region.decide.js';
export * from './reference-data.js';
export * from './region/region-from.js';
