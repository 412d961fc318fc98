import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createPgliteClient, openDatabase, type Database } from "../../db/index";
import { prepareDatabase } from "../../db/prepare";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template every test database starts from: a PGlite tarball's path, or a PostgreSQL database's name. */
    testDatabaseTemplate: { pgliteTarball?: string; postgresDatabase?: string };
  }
}

/**
 * Once per run, before any test file: a database migrated and filled with the SDG reference data,
 * which `createTestDatabase` copies instead of migrating a new one in every file (PGlite's initdb
 * and 25 migrations cost several seconds per database on CI's two cores; a copy one or two).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL || undefined;
  if (!adminUrl) {
    const folder = mkdtempSync(path.join(tmpdir(), "l4a-test-template-"));
    const tarball = path.join(folder, "pglite.tar");
    const client = await createPgliteClient();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    await prepareDatabase(db);
    writeFileSync(tarball, new Uint8Array(await (await client.dumpDataDir("none")).arrayBuffer()));
    await db.destroy();
    project.provide("testDatabaseTemplate", { pgliteTarball: tarball });
    return async () => rmSync(folder, { recursive: true, force: true });
  }
  const name = `l4a_template_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  await prepareDatabase(handle.db);
  await handle.close();
  project.provide("testDatabaseTemplate", { postgresDatabase: name });
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
