import type { DatabaseConnection, DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler } from "kysely";
import { isDatabaseUnavailableError } from "./errors";

const PATCHED = Symbol("resilientConnection");

/**
 * Wraps a dialect so that
 * - every error its driver raises passes through `mapError` (the server turns "database
 *   unreachable" into a 503 response there, once, instead of in every loader);
 * - a connection that lost its backend is neither asked to ROLLBACK nor released: the server
 *   already rolled the transaction back when the backend died, and postgres.js 3.4.9
 *   (porsager/postgres #1066, #1208) would write the ROLLBACK to a null socket and never settle
 *   it, and its release() would put the dead connection back among the open ones, where the
 *   next request's query hangs the same way. postgres.js has already moved that connection to
 *   its "closed" queue and reconnects it on demand, so leaving it alone is the fix.
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
    const lostConnections = new WeakSet<DatabaseConnection>();

    const acquireConnection = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      try {
        return patchConnection(await acquireConnection(), mapError, lostConnections);
      } catch (error) {
        throw mapError(error);
      }
    };
    const rollbackTransaction = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (lostConnections.has(connection)) return;
      await rollbackTransaction(connection);
    };
    const releaseConnection = driver.releaseConnection.bind(driver);
    driver.releaseConnection = async (connection) => {
      if (lostConnections.has(connection)) return;
      await releaseConnection(connection);
    };
    return driver;
  }
}

function patchConnection(
  connection: DatabaseConnection,
  mapError: (error: unknown) => unknown,
  lostConnections: WeakSet<DatabaseConnection>,
): DatabaseConnection {
  const marked = connection as DatabaseConnection & { [PATCHED]?: true };
  if (marked[PATCHED]) return connection;
  const executeQuery = connection.executeQuery.bind(connection);
  connection.executeQuery = async (compiledQuery) => {
    try {
      return await executeQuery(compiledQuery);
    } catch (error) {
      if (isDatabaseUnavailableError(error)) lostConnections.add(connection);
      throw mapError(error);
    }
  };
  marked[PATCHED] = true;
  return connection;
}
