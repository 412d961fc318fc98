import { prepareDatabase } from "../prepare";
import { hasAnyHub, seedDemoData } from "../seed/demo";
import { openConfiguredDatabase } from "./open";

const database = await openConfiguredDatabase();
try {
  await prepareDatabase(database.db, { seedDemoWhenEmpty: false, log: console.log });
  if (await hasAnyHub(database.db)) {
    console.log("[db] the database already has HUBs: the demo data was not loaded again");
  } else {
    const seeded = await seedDemoData(database.db);
    console.log(`[db] demo data loaded: ${seeded.hubs} HUBs, ${seeded.organisations} organisations, 3 demo accounts`);
  }
} finally {
  await database.close();
}
