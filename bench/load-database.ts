/**
 * npx tsx bench/load-database.ts --url postgres://postgres@127.0.0.1:5432/l4a_export_100k [--hubs 100000]
 * [--drop]: creates the PostgreSQL database named in the URL (dropping one of that name first) and
 * loads the benchmark's synthetic registry into it, once, for `npm run bench -- --engine postgres
 * --only exports --database-url URL` to measure again and again. --drop only drops it.
 */
import postgres from "postgres";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { loadSyntheticRegistry } from "./synthetic";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const url = new URL(flag("url") ?? "postgres://postgres@127.0.0.1:5432/l4a_export_100k");
const name = url.pathname.slice(1);
if (!/^l4a_[a-z0-9_]+$/.test(name)) throw new Error(`${name}: the database's name must start with l4a_ (it is dropped first)`);
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
if (!args.includes("--drop")) {
  await admin.unsafe(`create database ${name}`);
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await prepareDatabase(handle.db);
  const started = Date.now();
  await loadSyntheticRegistry(handle.db, { hubs: Number(flag("hubs") ?? 100_000), log: console.log });
  console.log(`loaded ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
  await handle.close();
}
await admin.end();
