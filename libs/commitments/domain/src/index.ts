export * from './commitment/commitment.events.js';
export * from './commitment/commitment.commands.js';
export * from './commitment/commitment.state.js';
export * from './commitment/commitment.decide.js';
export * from './commitment/five-points.js';
export * from './commitment/commitment.schemas.js';
