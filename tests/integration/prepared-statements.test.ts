import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/index";
import { MAX_PREPARED_PARAMETERS } from "../../db/postgres-driver";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "../support/database";

// One connection per handle: pg_prepared_statements is per session, so what it lists is what this
// handle's queries prepared.
async function preparedTexts(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(handle.db);
  return rows.map((row) => row.statement);
}

describe.runIf(testDatabaseUrl)("prepared statements on PostgreSQL (db/postgres-driver.ts)", () => {
  let database: TestDatabase;
  let prepared: DatabaseHandle;
  let unprepared: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table prepared_probe (id int primary key, note text not null)`.execute(database.db);
    await sql`insert into prepared_probe select n, 'note ' || n from generate_series(1, 100) n`.execute(database.db);
    prepared = await openDatabase({ databaseUrl: database.url!, poolSize: 1 });
    unprepared = await openDatabase({ databaseUrl: database.url!, poolSize: 1, preparedStatements: false });
  });
  afterAll(async () => {
    await prepared?.close();
    await unprepared?.close();
    await database?.destroy();
  });

  it("prepares a statement once per connection and answers it the same each time", async () => {
    const query = (id: number) => prepared.db.selectFrom("prepared_probe" as never).select(["id", "note"] as never).where("id" as never, "=", id as never);
    const text = query(1).compile().sql;
    for (const id of [3, 4, 5, 6, 7, 8, 9]) {
      expect(await query(id).executeTakeFirst()).toEqual({ id, note: `note ${id}` });
    }
    expect((await preparedTexts(prepared)).filter((statement) => statement === text)).toHaveLength(1);
  });

  it("leaves a statement with a long value list unprepared, so list lengths cannot pile up statements", async () => {
    const ids = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, index) => index + 1);
    const query = prepared.db.selectFrom("prepared_probe" as never).select("id" as never).where("id" as never, "in", ids as never);
    expect(await query.execute()).toHaveLength(ids.length);
    expect(await preparedTexts(prepared)).not.toContain(query.compile().sql);
  });

  it("prepares nothing when turned off (DB_PREPARED_STATEMENTS=false)", async () => {
    const query = unprepared.db.selectFrom("prepared_probe" as never).select("note" as never).where("id" as never, "=", 2 as never);
    expect(await query.executeTakeFirst()).toEqual({ note: "note 2" });
    // postgres.js prepares its own look-up of array types on connecting; none of the app's.
    expect((await preparedTexts(unprepared)).filter((statement) => statement.includes("prepared_probe"))).toEqual([]);
  });

  it("answers with the new columns after a table changes under a prepared statement", async () => {
    // PostgreSQL refuses a kept plan whose result type changed; postgres.js prepares it again.
    await sql`create table prepared_changing (id int primary key)`.execute(database.db);
    await sql`insert into prepared_changing values (1)`.execute(database.db);
    const read = () => sql<Record<string, unknown>>`select * from prepared_changing where id = ${1}`.execute(prepared.db);
    expect((await read()).rows).toEqual([{ id: 1 }]);
    await sql`alter table prepared_changing add column label text not null default 'added'`.execute(database.db);
    expect((await read()).rows).toEqual([{ id: 1, label: "added" }]);
  });
});
