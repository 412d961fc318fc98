import { sql } from "kysely";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "../../db/errors";
import { isPostgresNullSocketWrite } from "../../db/postgres-crash-guard";
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
      // Let postgres.js's own failing ROLLBACK (the library bug) fire, if it does.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(swallowed.filter((item) => !isPostgresNullSocketWrite(item))).toEqual([]);

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

  it("fails a transaction whose backend died between two of its queries, and serves the next", async () => {
    let pid: number | undefined;
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      pid = rows[0].pid;
      await paused; // idle in transaction
      await sql`insert into idle_probe (note) values ('lost')`.execute(trx);
    });
    const outcome = transaction.then(
      () => "committed",
      (error: unknown) => (error instanceof Response ? error.status : String(error)),
    );
    while (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    await killer`select pg_terminate_backend(${pid})`;
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect(await outcome).toBe(503);
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
});

describe("the postgres.js crash guard", () => {
  it("recognises only the library's null-socket write", () => {
    const libraryBug = new TypeError("Cannot read properties of null (reading 'write')");
    libraryBug.stack = `TypeError: Cannot read properties of null (reading 'write')\n    at nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:491:21)`;
    expect(isPostgresNullSocketWrite(libraryBug)).toBe(true);
    expect(isPostgresNullSocketWrite(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isPostgresNullSocketWrite(new Error("nextWrite"))).toBe(false);
  });

  it("classifies connection loss, not query errors, as unavailability", () => {
    expect(isDatabaseUnavailableError({ code: "CONNECTION_CLOSED" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "08006" })).toBe(true);
    expect(isDatabaseUnavailableError({ code: "23505" })).toBe(false);
    expect(isDatabaseUnavailableError(new Error("boom"))).toBe(false);
  });
});
