export * from './commitment-view/commitment-view.js';
export * from './commitment-view/statuses.js';
export * from './commitment-view/commitment-view.projection.js';
export * from './commitment-view/deadlines-missed.js';
export * from './dashboards/index.js';
