import type { Kysely } from "kysely";
import { migrateToLatest } from "./index";
import { syncSdgReferenceData } from "./reference/sdg";
import type { Database } from "./schema";

export interface PrepareOptions {
  log?: (message: string) => void;
}

/**
 * Brings a database to the current schema and reference data. The demo data is the app's to load
 * (app/modules/demo/seed.server.ts: seedDemoWhenEmpty), since it needs the app's rules.
 */
export async function prepareDatabase(db: Kysely<Database>, options: PrepareOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const { results } = await migrateToLatest(db);
  for (const result of results ?? []) log(`[db] migration ${result.migrationName}: ${result.status}`);
  await syncSdgReferenceData(db);
}
