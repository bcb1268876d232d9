export * from './api.js';
export * from './server.js';
export * from './random.js';
