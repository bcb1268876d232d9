import type { ProjectionDb, SqlValue } from '@council/platform/event-sourcing';
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** ProjectionDb over one connection, with each distinct statement prepared once. */
export class SqliteProjectionDb implements ProjectionDb {
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly db: DatabaseSync) {}

  run(sql: string, ...params: SqlValue[]): void {
    this.statement(sql).run(...params);
  }

  get<T>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SqlValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  allArrays<T extends readonly unknown[]>(sql: string, ...params: SqlValue[]): T[] {
    return this.statement(sql, true).all(...params) as unknown as T[];
  }

  /** The statement for `sql`, prepared once for rows as objects and once for rows as arrays. */
  private statement(sql: string, arrays = false): StatementSync {
    const key = arrays ? `arrays\u0000${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (arrays) statement.setReturnArrays(true);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
