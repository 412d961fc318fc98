import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestoreRefusedError, backupDatabase, databaseChecksums, restoreDatabase } from "../../db/backup";
import { openDatabase } from "../../db/index";
import { prepareDatabase } from "../../db/prepare";
import { seedDemoData } from "~/modules/demo/seed.server";
import { streamCsv } from "~/modules/opendata/export.server";
import { createTestDatabase, engine, testDatabaseUrl, type TestDatabase } from "../support/database";

const folder = mkdtempSync(path.join(tmpdir(), "l4a-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const prepare = (db: Parameters<typeof prepareDatabase>[0]) => prepareDatabase(db);

/**
 * Every table's count and checksum, but the caches' version counters' (the registry-wide one and
 * the shared reference data's, migration 120; the exports', migration 230): the start-up work after
 * a restore (reference data) may move them on, which only tells the caches to start afresh.
 */
async function contents(db: Parameters<typeof databaseChecksums>[0]) {
  const { public_data_version: version, public_reference_version: referenceVersion, export_reference_version: exportVersion, ...rest } = await databaseChecksums(db);
  expect(version?.count).toBe(1);
  expect(referenceVersion?.count).toBe(1);
  expect(exportVersion?.count).toBe(1);
  return rest;
}

/** An export, which stores every HUB's CSV text (a cache: not saved, and emptied by a restore). */
async function storeExportText(database: TestDatabase) {
  await new Response(await streamCsv(database.db, { language: "en", today: "2026-06-01", filters: {}, origin: "http://localhost" })).text();
  return (await sql<{ count: number }>`select count(*)::int as count from hub_export_text`.execute(database.db)).rows[0]!.count;
}

async function addAuditedChange(database: TestDatabase) {
  // The demo data has HUBs, texts, accounts and progress; an audit row and a session make sure
  // those tables are not empty either.
  await sql`insert into audit_log (entity, action, comment, ip) values ('hub', 'backup.test', 'kept «as is» ✓', '203.0.113.7')`.execute(database.db);
  await sql`insert into sessions (token_hash, user_id, expires_at) select 'backup-test-hash', id, now() + interval '1 day' from users limit 1`.execute(database.db);
}

describe(`a backup of the ${engine} database`, () => {
  let source: TestDatabase;
  let file: string;
  beforeAll(async () => {
    source = await createTestDatabase({ seedDemo: true, demoToday: "2026-06-01" });
    await addAuditedChange(source);
    expect(await storeExportText(source)).toBeGreaterThan(0);
    file = path.join(folder, `${engine}.l4a.gz`);
    await backupDatabase(source.db, file, { engine });
  });
  afterAll(() => source?.destroy());

  it("restores into an empty database with the same rows in every table (counts and checksums)", async () => {
    const target = await createTestDatabase();
    try {
      const summary = await restoreDatabase(target.db, file, { afterRestore: prepare });
      expect(summary.rows).toBeGreaterThan(100);
      const [before, after] = [await contents(source.db), await contents(target.db)];
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(after).toEqual(before);
      for (const table of ["hubs", "hub_translations", "users", "organisations", "audit_log", "progress_updates", "sessions"]) {
        expect(before[table]!.count, table).toBeGreaterThan(0);
      }
      // Sequences follow: the next row gets a fresh id.
      const { rows } = await sql<{ id: number }>`
        insert into organisations (name, kind, country_code, region, city, latitude, longitude)
        select 'After restore', kind, country_code, region, city, latitude, longitude from organisations limit 1 returning id`.execute(target.db);
      const { rows: max } = await sql<{ max: number }>`select max(id)::int as max from organisations`.execute(source.db);
      expect(rows[0]!.id).toBeGreaterThan(max[0]!.max);
    } finally {
      await target.destroy();
    }
  });

  it("refuses a database that is not empty, unless forced, and then replaces everything in it", async () => {
    const target = await createTestDatabase({ seedDemo: true, demoToday: "2025-01-01" });
    try {
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(RestoreRefusedError);
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(/not empty/);
      expect(await storeExportText(target)).toBeGreaterThan(0);
      await restoreDatabase(target.db, file, { force: true, afterRestore: prepare });
      expect(await contents(target.db)).toEqual(await contents(source.db));
      // The target's own stored export text is gone with the rest: none of it was saved, none kept.
      expect((await sql<{ count: number }>`select count(*)::int as count from hub_export_text`.execute(target.db)).rows[0]!.count).toBe(0);
    } finally {
      await target.destroy();
    }
  });

  it("refuses a file that is cut short, and leaves the database as it was", async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const cut = path.join(folder, "cut.l4a.gz");
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    const target = await createTestDatabase();
    try {
      await expect(restoreDatabase(target.db, cut)).rejects.toThrow(/incomplete/);
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from hubs`.execute(target.db);
      expect(rows[0]!.count).toBe(0);
    } finally {
      await target.destroy();
    }
  });
});

describe.runIf(testDatabaseUrl)("moving between the embedded database and PostgreSQL", () => {
  it("moves a registry from PGlite to PostgreSQL and back with nothing lost", async () => {
    const embedded = await openDatabase({ pgliteDataDir: "memory://" });
    const server = await createTestDatabase();
    const back = await openDatabase({ pgliteDataDir: "memory://" });
    try {
      await prepareDatabase(embedded.db);
      await seedDemoData(embedded.db, { today: "2026-06-01" });
      const toServer = path.join(folder, "move-to-pg.l4a.gz");
      await backupDatabase(embedded.db, toServer, { engine: "pglite" });
      await restoreDatabase(server.db, toServer, { afterRestore: prepare });
      const original = await contents(embedded.db);
      expect(await contents(server.db)).toEqual(original);

      const toEmbedded = path.join(folder, "move-to-pglite.l4a.gz");
      await backupDatabase(server.db, toEmbedded, { engine: "postgres" });
      await restoreDatabase(back.db, toEmbedded, { afterRestore: prepare });
      expect(await contents(back.db)).toEqual(original);
    } finally {
      await embedded.close();
      await back.close();
      await server.destroy();
    }
  });
});
