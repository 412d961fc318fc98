import { isDatabaseUnavailableError } from "./errors";
import type { DatabaseConnection, DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler } from "kysely";

const PATCHED = Symbol("resilientConnection");

/** Queries running now and errors met, across every database handle of the process (read by server/metrics.ts). */
export const queryStats = { active: 0, errors: 0, unavailable: 0 };

/**
 * Wraps a dialect so that every error its driver raises (acquiring a connection, a query,
 * beginning or committing a transaction) passes through `mapError`: the server turns "database
 * unreachable" into a 503 response there, once, instead of in every loader.
 *
 * Lost connections are the driver's business: on PostgreSQL, db/postgres-driver.ts never holds a
 * reserved connection, so a connection whose backend died is postgres.js's to reconnect.
 * Connections are patched in place (not proxied) because drivers check connection identity.
 */
export class ResilientDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly mapError: (error: unknown) => unknown = (error) => error,
  ) {}

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }

  createDriver(): Driver {
    const driver = this.inner.createDriver();
    const mapError = this.mapError;
    const mapped =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          return await call(...args);
        } catch (error) {
          throw mapError(error);
        }
      };
    const acquireConnection = driver.acquireConnection.bind(driver);
    driver.acquireConnection = mapped(async () => patchConnection(await acquireConnection(), mapError));
    driver.beginTransaction = mapped(driver.beginTransaction.bind(driver));
    driver.commitTransaction = mapped(driver.commitTransaction.bind(driver));
    return driver;
  }
}

function patchConnection(connection: DatabaseConnection, mapError: (error: unknown) => unknown): DatabaseConnection {
  const marked = connection as DatabaseConnection & { [PATCHED]?: true };
  if (marked[PATCHED]) return connection;
  const executeQuery = connection.executeQuery.bind(connection);
  connection.executeQuery = async (compiledQuery) => {
    queryStats.active += 1;
    try {
      return await executeQuery(compiledQuery);
    } catch (error) {
      queryStats.errors += 1;
      if (isDatabaseUnavailableError(error)) queryStats.unavailable += 1;
      throw mapError(error);
    } finally {
      queryStats.active -= 1;
    }
  };
  marked[PATCHED] = true;
  return connection;
}
