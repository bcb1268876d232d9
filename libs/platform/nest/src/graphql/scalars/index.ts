export * from './date.scalar.js';
export * from './date-time.scalar.js';
export * from './big-int.scalar.js';
export * from './json.scalar.js';
