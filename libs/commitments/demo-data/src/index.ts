export * from './demo-step.js';
export * from './demo-script.js';
export * from './seed-demo-data.js';
export { COUNCIL_SECRETARIAT, DEADLINE_WATCHER } from './actors.js';
export { LOG_BEGINS_ON } from './region-steps.js';
