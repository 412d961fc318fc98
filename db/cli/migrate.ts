import { prepareDatabase } from "../prepare";
import { openConfiguredDatabase } from "./open";

const database = await openConfiguredDatabase();
try {
  await prepareDatabase(database.db, { seedDemoWhenEmpty: false, log: console.log });
  console.log("[db] up to date");
} finally {
  await database.close();
}
