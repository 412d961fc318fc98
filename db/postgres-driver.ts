import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type postgres from "postgres";

/**
 * A query whose SQL begins with this comment gets every column as the bytes the server sent (text
 * format; null stays null), not parsed: a large text value is sent on without being decoded into a
 * string and encoded again (the open-data exports: app/modules/opendata/export-text.server.ts).
 * The embedded database has no such path: its results come parsed, so callers accept both.
 */
export const RAW_RESULT_MARKER = "/* raw result */";

/**
 * Statements with more parameters than this are never prepared. Kysely writes `in ($1, $2, …)` with
 * one parameter per value, so such statements have as many texts as list lengths; under the bound,
 * the texts a connection prepares are the app's query shapes (a few hundred), not its data.
 */
export const MAX_PREPARED_PARAMETERS = 32;

/**
 * A kysely dialect on a postgres.js pool that never holds a reserved connection.
 *
 * kysely-postgres-js reserves a connection (`sql.reserve()`) for every query and every
 * transaction. postgres.js 3.4.9 does not watch a reserved connection: when its backend dies while
 * it is reserved, the connection is moved to the "closed" queue but the reserved handle keeps
 * writing to it, so the next query on it never settles, and releasing it puts a dead connection
 * among the open ones (19 of 20 queries hung in the reliability run of issue 15). So:
 * - a query outside a transaction goes through the pool (`sql.unsafe`), which reconnects a
 *   connection whose backend died;
 * - a transaction is postgres.js's own `sql.begin`, which rejects as soon as its connection closes
 *   (it races the callback with the connection's close); each query of the transaction is raced
 *   with that rejection too, so none waits on a dead socket. postgres.js reconnects that same
 *   connection object for other work, so its patch (patches/postgres+3.4.9.patch) refuses every
 *   later query of the lost transaction: one would otherwise run in whatever session the
 *   connection serves next (inside another transaction, or answered by its startup).
 * Nothing is ever reserved across idle time, so there is nothing to release or leak.
 */
export class PooledPostgresDialect implements Dialect {
  /**
   * `prepare`: statements become named prepared statements on each connection (postgres.js's own
   * default for its tagged queries; `sql.unsafe`, which Kysely's text goes through, defaults to
   * unnamed ones). PostgreSQL then parses a text once per connection and, after five runs, may keep
   * a generic plan: a HUB page's 15 statements spent 10 of their 11 ms of server time parsing and
   * planning (decision 120). Off for a pooler that cannot keep them (PgBouncer in transaction mode
   * before 1.21).
   */
  constructor(
    private readonly sql: postgres.Sql,
    private readonly options: { prepare: boolean } = { prepare: true },
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }

  createDriver(): Driver {
    return new PooledPostgresDriver(this.sql, this.options.prepare);
  }
}

const ROLLBACK = Symbol("rollback");

class PooledPostgresDriver implements Driver {
  constructor(
    private readonly sql: postgres.Sql,
    private readonly prepare: boolean,
  ) {}

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this.sql, this.prepare);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await (connection as PooledConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection) {
    await (connection as PooledConnection).finish(true);
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as PooledConnection).finish(false);
  }

  async releaseConnection() {}

  async destroy() {
    // The pool is ended by the database handle (db/index.ts), with a bounded timeout.
  }
}

interface OpenTransaction {
  sql: postgres.TransactionSql;
  /** Settles when postgres.js has committed or rolled back (or the connection was lost). */
  done: Promise<void>;
  /** Rejects when the transaction failed (its connection closed, say); never resolves. */
  failed: Promise<never>;
  decide: (commit: boolean) => void;
  /** Set once postgres.js rejected the transaction (its connection closed). */
  lost: boolean;
}

class PooledConnection implements DatabaseConnection {
  private transaction?: OpenTransaction;

  constructor(
    private readonly sql: postgres.Sql,
    private readonly prepare: boolean,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const transaction = this.transaction;
    const prepare = this.prepare && compiledQuery.parameters.length <= MAX_PREPARED_PARAMETERS;
    const unsafe = (transaction?.sql ?? this.sql).unsafe(compiledQuery.sql, [...compiledQuery.parameters] as postgres.ParameterOrJSON<never>[], { prepare });
    const raw = compiledQuery.sql.startsWith(RAW_RESULT_MARKER);
    const query = raw ? unsafe.raw() : unsafe;
    let result: postgres.RowList<postgres.Row[]>;
    if (transaction) {
      // When the connection is lost, the query may reject after the race is decided: nobody else
      // would be listening, and an unhandled rejection ends the process.
      const settled = query.then((rows) => rows);
      settled.catch(() => {});
      result = await Promise.race([settled, transaction.failed]);
    } else {
      result = await query;
    }
    const { command, count } = result;
    const rows = raw
      ? Array.from(result.values(), (values) => Object.fromEntries(result.columns.map((column, index) => [column.name, (values as unknown as unknown[])[index]])))
      : Array.from(result.values());
    return {
      numAffectedRows:
        command === "INSERT" || command === "UPDATE" || command === "DELETE" || command === "MERGE" ? BigInt(count) : undefined,
      rows: rows as R[],
    };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const query = (this.transaction?.sql ?? this.sql).unsafe(compiledQuery.sql, [...compiledQuery.parameters] as postgres.ParameterOrJSON<never>[]);
    for await (const rows of query.cursor(chunkSize)) yield { rows: rows as unknown as R[] };
  }

  async begin(settings: TransactionSettings) {
    const options = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : "",
      settings.accessMode ? settings.accessMode : "",
    ]
      .filter(Boolean)
      .join(" ");
    let decide!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => (decide = resolve));
    let started!: (sql: postgres.TransactionSql) => void;
    const ready = new Promise<postgres.TransactionSql>((resolve) => (started = resolve));
    const done = this.sql
      .begin(options, async (sql) => {
        started(sql);
        if (!(await decided)) throw ROLLBACK;
      })
      .then(
        () => undefined,
        (error: unknown) => {
          if (error !== ROLLBACK) throw error;
        },
      );
    const failed = done.then(() => new Promise<never>(() => {}));
    // Nobody may be listening when the connection is lost between two queries.
    failed.catch(() => {});
    const sql = await Promise.race([ready, failed]);
    const transaction: OpenTransaction = { sql, done, failed, decide, lost: false };
    failed.catch(() => (transaction.lost = true));
    this.transaction = transaction;
  }

  async finish(commit: boolean) {
    const transaction = this.transaction;
    this.transaction = undefined;
    if (!transaction) return;
    // A lost transaction is not told to roll back: postgres.js would write its ROLLBACK to the
    // closed socket (porsager/postgres#1208). The server already dropped it; the callback's
    // pending promise is collected with it.
    if (transaction.lost) return commit ? await transaction.done : undefined;
    transaction.decide(commit);
    if (commit) {
      await transaction.done;
      return;
    }
    // A rollback that cannot reach the server is a rollback all the same: the server drops the
    // transaction of a lost connection. The caller's own error is what matters.
    await transaction.done.catch(() => {});
  }
}
