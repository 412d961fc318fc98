/**
 * Loads the demo data into an empty database: `npm run db:seed [-- YYYY-MM-DD]`.
 * The optional date stands for "today": every demo date is placed relative to it.
 */
import { DEMO_ACCOUNTS, hasAnyHub, seedDemoData } from "../../app/modules/demo/seed.server";
import { prepareDatabase } from "../../db/prepare";
import { openConfiguredDatabase } from "./open";

const day = process.argv[2];
if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error("usage: npm run db:seed [-- YYYY-MM-DD]");
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  await prepareDatabase(database.db, { log: console.log });
  if (await hasAnyHub(database.db)) {
    console.log("[db] the database already has HUBs: the demo data was not loaded again");
  } else {
    const seeded = await seedDemoData(database.db, { today: day });
    console.log(`[db] demo data loaded: ${seeded.hubs} HUBs, ${seeded.organisations} organisations, ${DEMO_ACCOUNTS.length} demo accounts`);
  }
} finally {
  await database.close();
}
