import type { Kysely } from "kysely";
import { migrateToLatest } from "./index";
import { syncSdgReferenceData } from "./reference/sdg";
import { hasAnyHub, seedDemoData } from "./seed/demo";
import type { Database } from "./schema";

export interface PrepareOptions {
  /** Seed the demo registry when the database has no HUB yet. */
  seedDemoWhenEmpty: boolean;
  log?: (message: string) => void;
}

/** Brings a database to the current schema and reference data; seeds demo data on an empty one in demo mode. */
export async function prepareDatabase(db: Kysely<Database>, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const { results } = await migrateToLatest(db);
  for (const result of results ?? []) log(`[db] migration ${result.migrationName}: ${result.status}`);
  await syncSdgReferenceData(db);
  if (options.seedDemoWhenEmpty && !(await hasAnyHub(db))) {
    log("[db] empty database: loading the demo data (HUBs, organisations, demo accounts)…");
    const seeded = await seedDemoData(db);
    log(`[db] demo data loaded: ${seeded.hubs} HUBs, ${seeded.organisations} organisations, 3 demo accounts (password in README)`);
  }
}
