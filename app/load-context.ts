import type { DB, DatabaseKind } from "../db/index";
import type { Env } from "~/modules/config/env.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: DB;
    dbKind: DatabaseKind;
    env: Env;
  }
}

export {};
