import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/index";
import { prepareDatabase } from "../../db/prepare";
import { seedDemoData } from "~/modules/demo/seed.server";

export interface TestDatabase extends DatabaseHandle {
  /** The URL of this test's own PostgreSQL database (undefined on PGlite). */
  url?: string;
  destroy(): Promise<void>;
}

/** Which engine the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, else embedded PGlite. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const engine = testDatabaseUrl ? "postgres" : "pglite";

/**
 * A fresh, migrated database with the SDG reference data: in memory on PGlite, or a
 * throw-away database on the PostgreSQL server, dropped by destroy().
 */
export async function createTestDatabase(
  options: {
    seedDemo?: boolean;
    /** The day the demo data is seeded for, 'YYYY-MM-DD' (the real date by default): its dates are placed relative to it. */
    demoToday?: string;
    mapError?: (error: unknown) => unknown;
  } = {},
): Promise<TestDatabase> {
  const template = inject("testDatabaseTemplate");
  if (!testDatabaseUrl) {
    const handle = await openDatabase({ pgliteDataDir: "memory://", pgliteLoadDataDir: pgliteTemplate(template?.pgliteTarball), mapError: options.mapError });
    await prepareDatabase(handle.db);
    if (options.seedDemo) await seedDemoData(handle.db, { today: options.demoToday });
    return { ...handle, destroy: handle.close };
  }
  const name = `l4a_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template?.postgresDatabase ? ` template ${template.postgresDatabase}` : ""}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4, mapError: options.mapError });
  await prepareDatabase(handle.db);
  if (options.seedDemo) await seedDemoData(handle.db, { today: options.demoToday });
  return {
    ...handle,
    url: url.toString(),
    destroy: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

let pgliteTemplateBlob: Blob | undefined;
/** The global setup's migrated PGlite tarball, read once per test process (none: start empty and migrate). */
function pgliteTemplate(tarball: string | undefined): Blob | undefined {
  if (!tarball) return undefined;
  pgliteTemplateBlob ??= new Blob([readFileSync(tarball)]);
  return pgliteTemplateBlob;
}
