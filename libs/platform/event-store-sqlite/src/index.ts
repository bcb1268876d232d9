export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export { backupEventLog, type BackupProgress } from './backup.js';
