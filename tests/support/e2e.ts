import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { openDatabase, type DB } from "../../db/index";
import { prepareDatabase } from "../../db/prepare";
import type { UserRole } from "../../db/schema";
import { parseEnv } from "~/modules/config/env.server";
import { seedDemoData } from "~/modules/demo/seed.server";
import { launchBrowser, newOfflineContext, takeCspViolations } from "./browser";
import { testDatabaseUrl } from "./database";
import { E2E_SESSION_SECRET, startServer, type RunningServer } from "./server";
import { sessionCookie } from "./sessions";

/** Sessions signed in ahead per demo role: more than any test file uses. */
const SESSIONS_PER_ROLE = 8;
const ROLES: UserRole[] = ["city", "council", "secretariat"];

export interface E2eApp {
  /** "http://127.0.0.1:PORT" of the production server under test. */
  readonly url: string;
  readonly browser: Browser;
  readonly server: RunningServer;
  readonly engine: "pglite" | "postgres";
  /** The URL of the server's own PostgreSQL database (undefined on PGlite). */
  readonly databaseUrl: string | undefined;
  /** A browser context that refuses every request leaving the app (see newOfflineContext). */
  newContext(options?: Parameters<typeof newOfflineContext>[2]): ReturnType<typeof newOfflineContext>;
  /**
   * Signs the demo account of `role` in without the log-in form: the session was written to the
   * database before the server started. Adds the cookie to `context` when given; returns the Cookie header.
   */
  loginAs(role: UserRole, context?: BrowserContext): Promise<string>;
}

/**
 * The e2e fixture: once per test file, a fresh database with the demo data (a throw-away
 * PostgreSQL database when TEST_DATABASE_URL is set, an embedded PGlite directory otherwise),
 * the production server on it, and Chromium. Everything is stopped and removed after the file.
 *
 * Sessions are written before the server starts because the embedded database belongs to the
 * server's process while it runs (it is locked), so the test process cannot write to it then.
 */
export function useApp(
  options: {
    browser?: boolean;
    env?: Record<string, string>;
    /** Test data of the file's own (a HUB in a given state…), written after the demo data, before the server starts. */
    prepare?: (db: DB) => Promise<void>;
  } = {},
): E2eApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let databaseUrl: string | undefined;
  let removeDatabase = async () => {};
  const sessions = new Map<UserRole, string[]>();

  beforeAll(async () => {
    const startedAt = performance.now();
    const browserStarting = options.browser === false ? undefined : launchBrowser();
    let serverEnv: Record<string, string>;
    if (testDatabaseUrl) {
      const name = `l4a_e2e_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
      const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(testDatabaseUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      serverEnv = { DATABASE_URL: databaseUrl };
      removeDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      const dataRoot = mkdtempSync(path.join(tmpdir(), "l4a-e2e-"));
      serverEnv = { PGLITE_DATA_DIR: path.join(dataRoot, "pglite") };
      removeDatabase = async () => rmSync(dataRoot, { recursive: true, force: true });
    }

    const log = (step: string) => process.env.E2E_DEBUG && console.log(`[e2e] ${step} after ${Math.round(performance.now() - startedAt)} ms`);
    log("database created");
    const handle = await openDatabase({ databaseUrl, pgliteDataDir: serverEnv.PGLITE_DATA_DIR });
    try {
      await prepareDatabase(handle.db);
      await seedDemoData(handle.db);
      await options.prepare?.(handle.db);
      const env = parseEnv({ SESSION_SECRET: E2E_SESSION_SECRET });
      for (const role of ROLES) {
        const user = await handle.db.selectFrom("users").select("id").where("email", "=", `${role}@demo.l4a.test`).executeTakeFirstOrThrow();
        const cookies: string[] = [];
        for (let i = 0; i < SESSIONS_PER_ROLE; i += 1) cookies.push(await sessionCookie(handle.db, env, user.id));
        sessions.set(role, cookies);
      }
    } finally {
      await handle.close();
    }
    log("demo data and sessions written");

    [server, browser] = await Promise.all([startServer({ ...serverEnv, ...options.env }), browserStarting]);
    // Preparing the demo data and starting a server take long on a busy machine.
  }, 240_000);

  // Every browser test fails on a Content-Security-Policy violation any of its pages reported.
  afterEach(() => {
    expect(takeCspViolations(), "Content-Security-Policy violations").toEqual([]);
  });

  afterAll(async () => {
    const lateViolations = takeCspViolations();
    if (process.env.E2E_DEBUG) console.log(server?.output().slice(-4000));
    await browser?.close();
    await server?.stop();
    await removeDatabase();
    expect(lateViolations, "Content-Security-Policy violations reported after the last test").toEqual([]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e ${what} is not started (use it inside a test or hook)`);
    return value;
  };

  return {
    get url() {
      return started(server, "server").url;
    },
    get browser() {
      return started(browser, "browser");
    },
    get server() {
      return started(server, "server");
    },
    engine: testDatabaseUrl ? "postgres" : "pglite",
    get databaseUrl() {
      return databaseUrl;
    },
    newContext(contextOptions) {
      return newOfflineContext(started(browser, "browser"), started(server, "server").url, contextOptions);
    },
    async loginAs(role, context) {
      const cookie = sessions.get(role)?.shift();
      if (!cookie) throw new Error(`no signed-in ${role} session left: raise SESSIONS_PER_ROLE in tests/support/e2e.ts`);
      if (context) {
        const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
        await context.addCookies([{ name, value, url: started(server, "server").url }]);
      }
      return cookie;
    },
  };
}
