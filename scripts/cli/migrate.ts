import { prepareDatabase } from "../../db/prepare";
import { openConfiguredDatabase } from "./open";

const database = await openConfiguredDatabase();
try {
  await prepareDatabase(database.db, { log: console.log });
  console.log("[db] up to date");
} finally {
  await database.close();
}
