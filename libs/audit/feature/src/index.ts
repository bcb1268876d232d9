export * from './audit.module.js';
export * from './audit.policy.js';
export * from './log/read-log.js';
export * from './seal-log/log-sealer.js';
export * from './seal-log/seal-scheduler.js';
export * from './verify-integrity/verify-log.js';
export { auditEvent } from './audit-trail/audit-trail.resolver.js';
