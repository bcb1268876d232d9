export * from './sqlite-read-models.js';
