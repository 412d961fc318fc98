import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, Migrator, sql, type Dialect, type Migration, type MigrationResultSet } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import postgres from "postgres";
import { acquireFolderLock } from "./pglite-lock";
import { PooledPostgresDialect } from "./postgres-driver";
import { ResilientDialect } from "./resilient-dialect";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

export type { Database } from "./schema";
export type DatabaseKind = "pglite" | "postgres";
export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string;
  /**
   * A PGlite data directory (its `dumpDataDir()` tarball) to start a new embedded database from,
   * instead of an empty one. The test suite starts each file from one migrated template: PGlite's
   * initdb and the migrations cost several seconds per database, loading the tarball one or two.
   */
  pgliteLoadDataDir?: Blob;
  /** Connections in the postgres.js pool. */
  poolSize?: number;
  /** PostgreSQL's statement_timeout for every connection, in ms (0: none). */
  statementTimeoutMs?: number;
  /** Named prepared statements on each PostgreSQL connection (db/postgres-driver.ts); default true. */
  preparedStatements?: boolean;
  /** Called when the embedded database's lock is no longer this process's (someone removed it). */
  onLockLost?: () => void;
  /**
   * Turns a driver error into what the caller should see. The server maps "database
   * unreachable" errors to a 503 response here, once, instead of in every loader.
   */
  mapError?: (error: unknown) => unknown;
}

export const DEFAULT_PGLITE_DIR = ".data/pglite";

// OIDs: int8, numeric, date. Both drivers return the same JS types: numbers and 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const wrap = (dialect: Dialect) => new ResilientDialect(dialect, options.mapError);
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, { poolSize: options.poolSize ?? 10, statementTimeoutMs: options.statementTimeoutMs ?? 0, prepare: options.preparedStatements ?? true }, wrap);
  }
  return openPglite(options.pgliteDataDir ?? DEFAULT_PGLITE_DIR, wrap, options.onLockLost, options.pgliteLoadDataDir);
}

function openPostgres(
  databaseUrl: string,
  { poolSize, statementTimeoutMs, prepare }: { poolSize: number; statementTimeoutMs: number; prepare: boolean },
  wrap: (dialect: Dialect) => Dialect,
): DatabaseHandle {
  const sql = postgres(databaseUrl, {
    max: poolSize,
    onnotice: () => {},
    connect_timeout: 5,
    // postgres.js's default backoff grows with every connection lost with an error, shared by the
    // pool and reset only by a successful start: ten backends killed at once held reconnection off
    // for seconds. Retry soon, and never wait more than 2 s once the server is back.
    backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 2),
    // A statement that runs longer is cancelled by the server (an error, so a 500 or a 503, never a hang).
    connection: statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {},
    types: {
      bigint: { to: INT8, from: [INT8], serialize: (value: number) => String(value), parse: (value: string) => Number(value) },
      numeric: { to: NUMERIC, from: [NUMERIC], serialize: (value: number) => String(value), parse: (value: string) => Number(value) },
      date: { to: DATE, from: [DATE], serialize: (value: string) => value, parse: (value: string) => value },
    },
  });
  const db = new Kysely<Database>({ dialect: wrap(new PooledPostgresDialect(sql, { prepare })) });
  return {
    db,
    kind: "postgres",
    close: async () => {
      // Bounded: a connection that lost its backend must not hold the shutdown forever.
      await sql.end({ timeout: 5 });
      await db.destroy();
    },
  };
}

/** The lock file of an embedded database folder (beside it, so the folder itself stays PGlite's). */
export function pgliteLockPath(dataDir: string): string {
  return path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
}

/** Where `npm run db:backup` asks the server holding an embedded database for a backup (see server/index.ts). */
export function pgliteBackupRequestPath(dataDir: string): string {
  return path.join(dataDir, "..", `${path.basename(dataDir)}.backup-request.json`);
}

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, owner?: string) {
    super(
      `The embedded database at ${dataDir} is already open in another process${owner ? ` (pid ${owner})` : ""}. ` +
        `Stop that process first, or set PGLITE_DATA_DIR to another folder, or DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

async function openPglite(dataDir: string, wrap: (dialect: Dialect) => Dialect, onLockLost?: () => void, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock: (() => void) | undefined;
  let watch: NodeJS.Timeout | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // PGlite is single-process: two processes writing one folder corrupt it, so refuse instead.
    // The lock names its process; one left by a dead process is stale at once (db/pglite-lock.ts).
    const lock = acquireFolderLock(pgliteLockPath(dataDir));
    if (!lock.acquired) {
      const { pid, host } = lock.owner;
      throw new DatabaseLockedError(dataDir, pid === process.pid ? "this process" : `${pid}${host === hostname() ? "" : ` on ${host}`}`);
    }
    releaseLock = lock.release;
    // Nobody else can take a live owner's lock; if the file is gone anyway (deleted by hand),
    // the owner stops cleanly rather than share the folder with a newcomer.
    if (onLockLost) {
      watch = setInterval(() => {
        if (lock.stillOurs()) return;
        clearInterval(watch);
        onLockLost();
      }, 5_000).unref();
    }
  }
  const client = await createPgliteClient(inMemory ? undefined : dataDir, loadDataDir);
  const db = new Kysely<Database>({ dialect: wrap(new PGliteDialect(client)) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      clearInterval(watch);
      await db.destroy();
      releaseLock?.();
    },
  };
}

/** A PGlite client as the app opens it (its extensions and parsers): in memory without `dataDir`. */
export function createPgliteClient(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({
    dataDir,
    loadDataDir,
    extensions: { unaccent },
    parsers: { [INT8]: Number, [NUMERIC]: Number, [DATE]: (value: string) => value },
  });
}

export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = migrations): Promise<MigrationResultSet> {
  // On one connection without the requests' statement timeout (DB_STATEMENT_TIMEOUT_MS): a migration
  // that fills a new table from a large registry runs longer than any request should.
  return db.connection().execute(async (connection) => {
    await sql`set statement_timeout = 0`.execute(connection);
    try {
      const migrator = new Migrator({ db: connection, provider: { getMigrations: async () => list } });
      const result = await migrator.migrateToLatest();
      if (result.error) throw result.error;
      return result;
    } finally {
      await sql`reset statement_timeout`.execute(connection);
    }
  });
}
