import { backup, DatabaseSync } from 'node:sqlite';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

/**
 * An online backup of an event-log file into `destination` with SQLite's backup API,
 * while other processes (the server) keep appending: the copy is one consistent
 * snapshot (the backup restarts by itself when another connection writes meanwhile).
 */
export async function backupEventLog(source: string, destination: string, onProgress?: (p: BackupProgress) => void): Promise<number> {
  const db = new DatabaseSync(source, { readOnly: true, timeout: 5_000 });
  try {
    return await backup(db, destination, { rate: 4_096, ...(onProgress && { progress: onProgress }) });
  } finally {
    db.close();
  }
}
