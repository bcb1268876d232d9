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

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
