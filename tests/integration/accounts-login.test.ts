import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { action as loginAction } from "~/routes/$lang.login";
import { action as logoutAction } from "~/routes/$lang.logout";
import { attemptLogin, LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "~/modules/accounts/login.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { pruneAccountsData } from "~/modules/accounts/housekeeping.server";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "../support/database";
import { DEMO_PASSWORD } from "../support/accounts";
import { callRoute, contextFor, cookieOf, requestFor } from "../support/routes";

/** Set by a test to look at the database while a password is being checked (Argon2 takes tens of ms). */
const passwordCheck = vi.hoisted(() => ({ during: undefined as undefined | (() => Promise<void>) }));
vi.mock("~/modules/accounts/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/modules/accounts/password.server")>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      await passwordCheck.during?.();
      return original.verifyPassword(hash, password);
    },
  };
});

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

async function login(email: string, password: string, ip = "198.51.100.1") {
  return callRoute(loginAction, database, { path: "/en/login", body: { email, password, redirectTo: "/en/account" }, params: { lang: "en" }, clientIp: ip });
}

async function formErrorOf(response: Response) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: Record<string, string[]> };
  return body.error[""];
}

describe("login", () => {
  it("opens a new session (a new id) at every login and records the attempt", async () => {
    const first = await login("council@demo.l4a.test", DEMO_PASSWORD, "198.51.100.50");
    const second = await login("COUNCIL@demo.l4a.test", DEMO_PASSWORD, "198.51.100.50");
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/en/account");
    expect(first.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect(first.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    expect(cookieOf(first)).not.toBe(cookieOf(second));
    const context = contextFor(database);
    expect(await getSessionUser(context, requestFor({ path: "/en", cookie: cookieOf(first) }))).toMatchObject({ role: "council" });
    const attempts = await database.db.selectFrom("login_attempts").selectAll().where("ip", "=", "198.51.100.50").execute();
    expect(attempts.map((a) => [a.email, a.succeeded])).toEqual([
      ["council@demo.l4a.test", true],
      ["council@demo.l4a.test", true],
    ]);
  });

  it("says the same thing for an unknown account and a wrong password", async () => {
    expect(await formErrorOf(await login("nobody@example.org", "whatever-password", "198.51.100.60"))).toEqual(["accounts:login.failed"]);
    expect(await formErrorOf(await login("council@demo.l4a.test", "wrong-password-1", "198.51.100.60"))).toEqual(["accounts:login.failed"]);
  });

  it(`throttles an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, even with the right password, with the same message`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await formErrorOf(await login("city@demo.l4a.test", `wrong-password-${i}`, `198.51.100.${100 + i}`))).toEqual(["accounts:login.failed"]);
    }
    // From yet another IP, with the right password: still refused, same words.
    expect(await formErrorOf(await login("city@demo.l4a.test", DEMO_PASSWORD, "198.51.100.120"))).toEqual(["accounts:login.failed"]);
    // Other accounts are not affected.
    expect((await login("secretariat@demo.l4a.test", DEMO_PASSWORD, "198.51.100.121")).status).toBe(302);
    // After the window, the right password works again.
    const later = new Date(Date.now() + LOGIN_WINDOW_MS + 60_000);
    const result = await attemptLogin(database.db, { email: "city@demo.l4a.test", password: DEMO_PASSWORD, ip: "198.51.100.122", userAgent: null }, later);
    expect(result.ok).toBe(true);
  });

  it(`throttles an IP after ${MAX_FAILURES_PER_IP} failures in 15 minutes, whatever the account`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await login(`guess-${i}@example.org`, "not-the-password", ip);
    }
    expect(await formErrorOf(await login("council@demo.l4a.test", DEMO_PASSWORD, ip))).toEqual(["accounts:login.failed"]);
    // The same account from another IP is fine.
    expect((await login("council@demo.l4a.test", DEMO_PASSWORD, "192.0.2.78")).status).toBe(302);
    const later = new Date(Date.now() + LOGIN_WINDOW_MS + 60_000);
    expect((await attemptLogin(database.db, { email: "council@demo.l4a.test", password: DEMO_PASSWORD, ip, userAgent: null }, later)).ok).toBe(true);
  });

  it("a successful login clears the account's earlier failures", async () => {
    const base = Date.now() + 2 * LOGIN_WINDOW_MS;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const attempt = (password: string, minutes: number) =>
      attemptLogin(database.db, { email: "secretariat@demo.l4a.test", password, ip: `203.0.113.${minutes + 10}`, userAgent: null }, at(minutes));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect((await attempt("wrong-password-x", i)).ok).toBe(false);
    expect((await attempt(DEMO_PASSWORD, 5)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect((await attempt("wrong-password-y", 6 + i)).ok).toBe(false);
    expect((await attempt(DEMO_PASSWORD, 11)).ok).toBe(true);
  });

  it("logout ends the session in the database: the old cookie no longer works", async () => {
    const response = await login("council@demo.l4a.test", DEMO_PASSWORD, "198.51.100.200");
    const cookie = cookieOf(response);
    const context = contextFor(database);
    expect(await getSessionUser(context, requestFor({ path: "/en", cookie }))).not.toBeNull();
    const out = await callRoute(logoutAction, database, { path: "/en/logout", body: {}, cookie, params: { lang: "en" } });
    expect(out.status).toBe(302);
    expect(await getSessionUser(context, requestFor({ path: "/en", cookie }))).toBeNull();
  });
});

describe.runIf(testDatabaseUrl)("login on PostgreSQL", () => {
  it("holds no transaction open while the password is checked (a connection of the small pool would wait idle)", async () => {
    const idle: number[] = [];
    passwordCheck.during = async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`.execute(database.db);
      idle.push(rows[0].n);
    };
    try {
      expect((await login("council@demo.l4a.test", DEMO_PASSWORD, "198.51.100.70")).status).toBe(302);
      expect((await login("council@demo.l4a.test", "not-the-password", "198.51.100.70")).status).toBe(400);
    } finally {
      passwordCheck.during = undefined;
    }
    expect(idle).toEqual([0, 0]);
  });
});

describe("housekeeping", () => {
  it("deletes old login attempts, expired sessions and long-expired reset tokens, keeping the rest", async () => {
    const now = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    await database.db.insertInto("login_attempts").values({ email: "fresh@example.org", ip: "192.0.2.200", succeeded: false, at: new Date(now.getTime() - 60_000) }).execute();
    const before = await database.db.selectFrom("login_attempts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const result = await pruneAccountsData(database.db, now);
    expect(result.attempts).toBe(Number(before.n) - 1);
    const left = await database.db.selectFrom("login_attempts").select("email").execute();
    expect(left).toEqual([{ email: "fresh@example.org" }]);
    // Sessions opened by these tests expire in 14 days: still there.
    expect(result.sessions).toBe(0);
    expect(Number((await database.db.selectFrom("sessions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
    expect((await pruneAccountsData(database.db, new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000))).sessions).toBeGreaterThan(0);
  });
});
