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
