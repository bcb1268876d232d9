import type { RecordedEvent } from './events.js';

export type SqlValue = string | number | bigint | null;

/** What a projection may do with its tables: plain SQL, inside the runner's transaction. */
export interface ProjectionDb {
  run(sql: string, ...params: SqlValue[]): void;
  get<T>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  /** The rows as arrays of their columns' values, in the order selected: cheaper than objects for large reads. */
  allArrays<T extends readonly unknown[]>(sql: string, ...params: SqlValue[]): T[];
}

/**
 * A read model: its tables and how each event changes them. `apply` runs inside the
 * transaction that also moves the projection's checkpoint, so an event is applied once;
 * it never throws for a fact already recorded (it skips what it cannot use). Bumping
 * `version` rebuilds the read model from the whole log.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Statements that create the projection's tables in an empty database. */
  readonly schema: readonly string[];
  /** Only events of streams with these prefixes reach `apply` (all when absent). */
  readonly streamPrefixes?: readonly string[];
  apply(db: ProjectionDb, event: RecordedEvent): void;
  /**
   * When present, the runner calls `beginBatch` before the events of a transaction and
   * `endBatch` after them, before it moves the checkpoint: between the two, `apply` may
   * keep its changes in memory and `endBatch` write them at once. `endBatch` throwing
   * rolls the whole batch back. Without `beginBatch`, `apply` writes each event itself.
   */
  beginBatch?(db: ProjectionDb): void;
  endBatch?(db: ProjectionDb): void;
}

/**
 * The node-local read models, fed from the log. Abstract so it is a NestJS token; the
 * SQLite implementation is an adapter the app chooses.
 */
export abstract class ReadModels {
  /** Resolves once every event up to `position` is in the read models (read your own writes). */
  abstract waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  /** The last log position the read models contain. */
  abstract position(): bigint;
  /** Runs a read against a consistent snapshot of the read models. */
  abstract read<T>(query: (db: ProjectionDb) => T): T;

  /** Calls `listener` with the new position after each change; returns how to stop listening. */
  abstract onChange(listener: (position: bigint) => void): () => void;

  /** Whether they follow the log (down once they stopped on an error), and how far they are. */
  abstract health(): ReadModelsHealth;

  /** Stops following the log and releases the read models. */
  abstract close(): Promise<void>;
}

export interface ReadModelsHealth {
  readonly up: boolean;
  readonly position: bigint;
  /** Rebuilding beside an old file that answers meanwhile (still up). */
  readonly rebuilding: boolean;
  /** Why they stopped following the log, when they did. */
  readonly stoppedBecause?: string;
}
