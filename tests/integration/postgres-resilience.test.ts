import { readFileSync } from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "../../db/errors";
import { openDatabase, type DatabaseHandle, type DB } from "../../db/index";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "../support/database";

// The server maps unavailability to a 503 response in exactly this way (server/index.ts).
const toServiceUnavailable = (error: unknown) => (isDatabaseUnavailableError(error) ? new Response(null, { status: 503 }) : error);

describe.runIf(testDatabaseUrl)("losing the PostgreSQL backend in the middle of a transaction", () => {
  let database: TestDatabase;
  let killer: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase({ mapError: toServiceUnavailable });
    await sql`create table resilience_probe (note text not null)`.execute(database.db);
    killer = postgres(database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await killer?.end();
    await database?.destroy();
  });

  it("rejects with a 503, stores nothing, keeps the process alive and serves the next query", async () => {
    const swallowed: unknown[] = [];
    const watch = (error: unknown) => swallowed.push(error);
    process.on("uncaughtException", watch);
    try {
      let backendPid: number | undefined;
      const transaction = database.db.transaction().execute(async (trx) => {
        await sql`insert into resilience_probe (note) values ('half-written')`.execute(trx);
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        backendPid = rows[0].pid;
        await sql`select pg_sleep(5)`.execute(trx);
        await sql`insert into resilience_probe (note) values ('never reached')`.execute(trx);
      });
      const outcome = transaction.then(
        () => "committed",
        (error: unknown) => error,
      );
      while (backendPid === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      await killer`select pg_terminate_backend(${backendPid})`;

      const error = await outcome;
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).status).toBe(503);
      // postgres.js 3.4.9 wrote its own ROLLBACK to the closed socket from a timer here, an
      // uncaught TypeError (porsager/postgres#1208); patches/postgres+3.4.9.patch drops it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(swallowed).toEqual([]);

      const { rows } = await sql<{ count: number }>`select count(*)::int as count from resilience_probe`.execute(database.db);
      expect(rows[0].count).toBe(0);

      // Every connection of the pool (4) serves again, the dead one included: none hangs.
      for (let attempt = 0; attempt < 8; attempt += 1) {
        await database.db.transaction().execute(async (trx) => {
          await sql`insert into resilience_probe (note) values ('after')`.execute(trx);
        });
      }
      const after = await sql<{ count: number }>`select count(*)::int as count from resilience_probe`.execute(database.db);
      expect(after.rows[0].count).toBe(8);
      expect(swallowed).toEqual([]);
    } finally {
      process.off("uncaughtException", watch);
    }
  });
});

describe.runIf(testDatabaseUrl)("losing every PostgreSQL backend while connections are idle (issue 15)", () => {
  let database: TestDatabase;
  let killer: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase({ mapError: toServiceUnavailable });
    await sql`create table idle_probe (note text not null)`.execute(database.db);
    killer = postgres(database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await killer?.end();
    await database?.destroy();
  });

  const killAll = async () => {
    const name = new URL(database.url!).pathname.slice(1);
    await killer`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  };

  /**
   * A transaction whose backend is killed while it is idle between two queries (a password being
   * checked, say). `resume` lets its callback go on to insert `note`; `outcome` is what it came to.
   */
  const loseMidTransaction = async (db: DB, note: string) => {
    let pid: number | undefined;
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const outcome = db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        pid = rows[0].pid;
        await paused;
        await sql`insert into idle_probe (note) values (${note})`.execute(trx);
      })
      .then(
        () => "committed",
        (error: unknown) => (error instanceof Response ? error.status : String(error)),
      );
    while (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    await killer`select pg_terminate_backend(${pid})`;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { outcome, resume };
  };

  it("settles every query and transaction after the kill, and the next ones succeed", async () => {
    // Fill the pool (4 connections), then kill them all while they are idle.
    await Promise.all(Array.from({ length: 8 }, () => sql`select pg_sleep(0.05)`.execute(database.db)));
    await killAll();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const settle = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error: unknown) => (error instanceof Response ? error.status : String(error)),
      );
    const outcomes = await Promise.all([
      ...Array.from({ length: 20 }, () => settle(sql`select 1`.execute(database.db))),
      ...Array.from({ length: 10 }, () =>
        settle(database.db.transaction().execute((trx) => sql`insert into idle_probe (note) values ('x')`.execute(trx))),
      ),
    ]);
    for (const outcome of outcomes) expect(["ok", 503]).toContain(outcome);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await database.db.transaction().execute((trx) => sql`insert into idle_probe (note) values ('after')`.execute(trx));
    }
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from idle_probe where note = 'after'`.execute(database.db);
    expect(rows[0].count).toBe(10);
  });

  it("never runs a lost transaction's next query in the session its connection serves next", async () => {
    // One connection, so the transaction that starts after the loss gets the same postgres.js
    // connection object the lost transaction still holds a handle to.
    const single = await openDatabase({ databaseUrl: database.url!, poolSize: 1, mapError: toServiceUnavailable });
    try {
      const lost = await loseMidTransaction(single.db, "lost-late");
      // The next transaction holds the connection when the lost one writes again.
      await single.db.transaction().execute(async (trx) => {
        await sql`insert into idle_probe (note) values ('next-first')`.execute(trx);
        lost.resume();
        expect(await lost.outcome).toBe(503);
        await sql`insert into idle_probe (note) values ('next-second')`.execute(trx);
      });
      const { rows } = await sql<{ note: string }>`select note from idle_probe where note in ('lost-late', 'next-first', 'next-second') order by note`.execute(database.db);
      // Unpatched, the lost transaction's insert ran inside the next one and was committed with it.
      expect(rows.map((row) => row.note)).toEqual(["next-first", "next-second"]);
    } finally {
      await single.close();
    }
  });

  it("lets no handle of a lost transaction undo the next transaction's work (postgres.js alone)", async () => {
    const pool = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      let stale: postgres.TransactionSql | undefined;
      let pid: number | undefined;
      const first = pool
        .begin(async (tx) => {
          stale = tx;
          [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
          await new Promise((resolve) => setTimeout(resolve, 300));
        })
        .then(
          () => "committed",
          (error: { code?: string }) => error.code,
        );
      while (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
      await killer`select pg_terminate_backend(${pid})`;
      expect(await first).toBe("CONNECTION_CLOSED");
      await pool.begin(async (tx) => {
        await tx`insert into idle_probe (note) values ('kept-first')`;
        // What postgres.js's own begin() sends when a transaction's callback throws.
        await expect(stale!`rollback`).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
        await tx`insert into idle_probe (note) values ('kept-second')`;
      });
      const rows = await killer<{ note: string }[]>`select note from idle_probe where note like 'kept-%' order by note`;
      // Unpatched, the stale ROLLBACK ended the second transaction: its first insert was lost, though it committed.
      expect(rows.map((row) => row.note)).toEqual(["kept-first", "kept-second"]);
    } finally {
      await pool.end({ timeout: 1 });
    }
  });

  it("fails a transaction whose backend died between two of its queries, and serves the next", async () => {
    const lost = await loseMidTransaction(database.db, "lost");
    lost.resume();
    expect(await lost.outcome).toBe(503);
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from idle_probe where note = 'lost'`.execute(database.db);
    expect(rows[0].count).toBe(0);
  });

  it("cancels a statement that runs past statement_timeout", async () => {
    const { openDatabase } = await import("../../db/index");
    const handle = await openDatabase({ databaseUrl: database.url, poolSize: 1, statementTimeoutMs: 200 });
    try {
      await expect(sql`select pg_sleep(2)`.execute(handle.db)).rejects.toMatchObject({ code: "57014" });
      await expect(sql`select 1 as one`.execute(handle.db)).resolves.toBeTruthy();
    } finally {
      await handle.close();
    }
  });

  it("migrates without it (a migration that fills a table from a large registry runs longer), then keeps it", async () => {
    const { openDatabase, migrateToLatest } = await import("../../db/index");
    const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
    const name = `l4a_test_migrate_${Date.now().toString(36)}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1, statementTimeoutMs: 100 });
    const slow = { "0001-slow": { up: async (db: Kysely<any>) => void (await sql`select pg_sleep(0.3)`.execute(db)) } };
    try {
      await expect(migrateToLatest(handle.db, slow)).resolves.toMatchObject({ results: [{ migrationName: "0001-slow", status: "Success" }] });
      await expect(sql`select pg_sleep(0.3)`.execute(handle.db)).rejects.toMatchObject({ code: "57014" });
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe.runIf(testDatabaseUrl)("killing PostgreSQL backends every 300 ms under concurrent queries and transactions", () => {
  let database: TestDatabase;
  let server: DatabaseHandle;
  let killer: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The server's pool size (db/index.ts), so as many sockets die at each kill.
    server = await openDatabase({ databaseUrl: database.url, poolSize: 10, mapError: toServiceUnavailable });
    killer = postgres(database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await killer?.end();
    await server?.close();
    await database?.destroy();
  });

  // postgres.js 3.4.9 lost queries sent between a socket's 'error' and 'close' events, and kept a
  // dead socket's write timer: pages hung until the client gave up (the backend-kill test of
  // tests/e2e/server.test.ts). patches/postgres+3.4.9.patch fixes both; this fails without it.
  it("settles every one of them (an answer or a 503), none hangs, and the pool serves afterwards", async () => {
    const name = new URL(database.url!).pathname.slice(1);
    const outcomes = new Map<string, number>();
    let running = true;
    const loop = async (index: number) => {
      while (running) {
        const work =
          index % 3 === 0
            ? server.db.transaction().execute(async (trx) => {
                await sql`select 1`.execute(trx);
                await sql`select pg_sleep(0.005)`.execute(trx);
              })
            : sql`select pg_sleep(0.005), ${index}::int as loop`.execute(server.db);
        const outcome = await work.then(
          () => "ok",
          (error: unknown) => (error instanceof Response ? String(error.status) : String(error)),
        );
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    };
    const loops = Promise.all(Array.from({ length: 16 }, (_, index) => loop(index)));
    for (let kill = 0; kill < 30; kill += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await killer`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    }
    running = false;
    // A hung query keeps its loop from ever finishing: give them far more than any answer needs.
    const finished = await Promise.race([loops.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000))]);
    expect(finished).toBe(true);
    expect([...outcomes.keys()].sort()).toEqual(["503", "ok"]);
    expect(outcomes.get("503")).toBeGreaterThan(0);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(server.db);
    expect(rows[0].one).toBe(1);
  }, 40_000);
});

describe("the postgres.js driver", () => {
  it("is installed with the project's patch (npm's postinstall runs patch-package)", async () => {
    const root = path.resolve(import.meta.dirname, "../../node_modules/postgres");
    for (const build of ["src", "cjs/src", "cf/src"]) {
      expect(readFileSync(path.join(root, build, "connection.js"), "utf8"), build).toContain("patches/postgres+3.4.9.patch");
      expect(readFileSync(path.join(root, build, "index.js"), "utf8"), build).toContain("patches/postgres+3.4.9.patch");
    }
  });

  it("classifies connection loss, not query errors, as unavailability", () => {
    expect(isDatabaseUnavailableError({ code: "CONNECTION_CLOSED" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "08006" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "23505" })).toBe(false);
    expect(isDatabaseUnavailableError(new Error("boom"))).toBe(false);
  });
});
