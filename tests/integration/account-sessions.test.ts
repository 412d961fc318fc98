import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser, insertSession, sessionCookieHeader } from "~/modules/accounts/session.server";
import { parseEnv } from "~/modules/config/env.server";
import { action as logoutAction } from "~/routes/$lang.logout";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/$lang.account_.sessions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute, contextFor, requestFor, testEnv } from "../support/routes";

/**
 * Sessions (issue 10): each ends after a time without requests that depends on the role (30 minutes
 * for the secretariat, 2 hours for the council and the cities by default) besides its 14-day lifetime;
 * "Your sessions" lists them and ends one, the others or all; logging out clears the site's data.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A session of `userId` last active `idleMinutes` ago; returns its Cookie header. */
async function sessionOf(userId: number, options: { idleMinutes?: number; userAgent?: string; ip?: string } = {}) {
  const token = await insertSession(database.db, userId, options.userAgent ?? null, minutesAgo(options.idleMinutes ?? 0), { ip: options.ip ?? null });
  return (await sessionCookieHeader(testEnv, token)).split(";")[0];
}
const signedIn = async (cookie: string, env = testEnv) => getSessionUser(contextFor(database, "203.0.113.7", env), requestFor({ path: "/en", cookie }));

describe("idle timeout", () => {
  it("ends a secretariat session after 30 minutes without a request, a council or city one after 2 hours", async () => {
    const secretariat = await createUser(database.db, { role: "secretariat" });
    const council = await createUser(database.db, { role: "council" });
    const city = await createUser(database.db, { role: "city" });
    expect(await signedIn(await sessionOf(secretariat.id, { idleMinutes: 25 }))).toMatchObject({ role: "secretariat" });
    const idleSecretariat = await sessionOf(secretariat.id, { idleMinutes: 31 });
    expect(await signedIn(idleSecretariat)).toBeNull();
    expect(await signedIn(await sessionOf(council.id, { idleMinutes: 31 }))).toMatchObject({ role: "council" });
    expect(await signedIn(await sessionOf(council.id, { idleMinutes: 121 }))).toBeNull();
    expect(await signedIn(await sessionOf(city.id, { idleMinutes: 100 }))).toMatchObject({ role: "city" });
    expect(await signedIn(await sessionOf(city.id, { idleMinutes: 121 }))).toBeNull();
    // The idle session is gone from the database, not just refused.
    const rows = await database.db.selectFrom("sessions").select("last_seen_at").where("user_id", "=", secretariat.id).execute();
    expect(rows).toHaveLength(1);
  });

  it("takes the timeouts from the environment", async () => {
    const env = { ...parseEnv({ SESSION_IDLE_MINUTES_COUNCIL: "10" }), SESSION_SECRET: testEnv.SESSION_SECRET };
    const council = await createUser(database.db, { role: "council" });
    expect(await signedIn(await sessionOf(council.id, { idleMinutes: 11 }), env)).toBeNull();
    expect(await signedIn(await sessionOf(council.id, { idleMinutes: 9 }), env)).toMatchObject({ role: "council" });
  });

  it("a request keeps the session alive: it moves last_seen_at (at most once a minute) and records the IP", async () => {
    const secretariat = await createUser(database.db, { role: "secretariat" });
    const cookie = await sessionOf(secretariat.id, { idleMinutes: 20 });
    await signedIn(cookie);
    const row = await database.db.selectFrom("sessions").select(["last_seen_at", "ip"]).where("user_id", "=", secretariat.id).executeTakeFirstOrThrow();
    expect(new Date(row.last_seen_at).getTime()).toBeGreaterThan(minutesAgo(1).getTime());
    expect(row.ip).toBe("203.0.113.7");
  });
});

describe("Your sessions", () => {
  it("lists the account's sessions with device, IP and last activity, this one marked, and none of another account's", async () => {
    const user = await createUser(database.db, { role: "city" });
    const other = await createUser(database.db, { role: "city" });
    const cookie = await sessionOf(user.id, { userAgent: FIREFOX, ip: "198.51.100.4" });
    await sessionOf(user.id, { userAgent: SAFARI_IPHONE, ip: "192.0.2.8", idleMinutes: 30 });
    await sessionOf(user.id, { userAgent: SAFARI_IPHONE, idleMinutes: 500 });
    await sessionOf(other.id, { userAgent: FIREFOX });
    const page = await callRoute(sessionsLoader, database, { path: "/en/account/sessions", params: { lang: "en" }, cookie, headers: { "User-Agent": FIREFOX } });
    expect(page.status).toBe(200);
    const { sessions } = (await page.json()) as { sessions: { key: string; current: boolean; device: object; ip: string | null; lastSeen: string }[] };
    expect(sessions.map(({ current, device, ip }) => ({ current, device, ip }))).toEqual([
      { current: true, device: { browser: "Firefox", system: "Windows" }, ip: "198.51.100.4" },
      { current: false, device: { browser: "Safari", system: "iOS" }, ip: "192.0.2.8" },
    ]);
    expect(sessions[1].lastSeen).toMatch(/UTC$/);
  });

  it("ends one session, then every other, then all with Clear-Site-Data", async () => {
    const user = await createUser(database.db, { role: "council" });
    const other = await createUser(database.db, { role: "council" });
    const cookie = await sessionOf(user.id);
    const phone = await sessionOf(user.id, { userAgent: SAFARI_IPHONE });
    const laptop = await sessionOf(user.id, { userAgent: FIREFOX });
    const strangerCookie = await sessionOf(other.id);
    const keys = async (someone: string) =>
      ((await (await callRoute(sessionsLoader, database, { path: "/en/account/sessions", params: { lang: "en" }, cookie: someone })).json()) as { sessions: { key: string; current: boolean }[] }).sessions;
    const post = (body: Record<string, string>, as = cookie) => callRoute(sessionsAction, database, { path: "/en/account/sessions", params: { lang: "en" }, cookie: as, body });

    const phoneKey = (await keys(phone)).find((session) => session.current)!.key;
    // Another account cannot end it.
    expect((await post({ intent: "end", key: phoneKey }, strangerCookie)).status).toBe(404);
    expect(await signedIn(phone)).not.toBeNull();
    expect((await post({ intent: "end", key: phoneKey })).status).toBe(200);
    expect(await signedIn(phone)).toBeNull();
    expect(await signedIn(laptop)).not.toBeNull();

    expect((await post({ intent: "endOthers" })).status).toBe(200);
    expect(await signedIn(laptop)).toBeNull();
    expect(await signedIn(cookie)).not.toBeNull();

    await sessionOf(user.id);
    const all = await post({ intent: "endAll" });
    expect(all.status).toBe(302);
    expect(all.headers.get("Location")).toBe("/en/login");
    expect(all.headers.get("Clear-Site-Data")).toBe('"cache", "cookies", "storage"');
    expect(await database.db.selectFrom("sessions").select("token_hash").where("user_id", "=", user.id).execute()).toEqual([]);
    expect(await signedIn(strangerCookie)).not.toBeNull();
    const audit = await database.db.selectFrom("audit_log").select("comment").where("action", "=", "sessions_ended").where("entity_id", "=", user.id).execute();
    expect(audit.map((row) => row.comment)).toEqual(["one", "others", "all"]);
  });

  it("logging out ends the session and tells the browser to clear the site's data", async () => {
    const user = await createUser(database.db, { role: "city" });
    const cookie = await sessionOf(user.id);
    const response = await callRoute(logoutAction, database, { path: "/en/logout", params: { lang: "en" }, cookie, body: {} });
    expect(response.status).toBe(302);
    expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "cookies", "storage"');
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await signedIn(cookie)).toBeNull();
  });
});

describe("the session row", () => {
  it("signs a request in only when the row is the session asked for: another session's row is a 503, never that session's user", async () => {
    const city = await createUser(database.db, { role: "city" });
    const other = await createUser(database.db, { role: "secretariat" });
    const cookie = await sessionOf(city.id);
    await sessionOf(other.id);
    expect(await signedIn(cookie)).toMatchObject({ id: city.id });
    // The database answers the session's statement with another session's row.
    const otherRow = await database.db.selectFrom("sessions").select("token_hash").where("user_id", "=", other.id).executeTakeFirstOrThrow();
    const crossed: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => ({ ...result, rows: result.rows.map((row) => ("token_hash" in row ? { ...row, id: other.id, role: "secretariat", token_hash: otherRow.token_hash } : row)) }),
    };
    const context = { ...contextFor(database), db: database.db.withPlugin(crossed) };
    const refused = await getSessionUser(context, requestFor({ path: "/en", cookie })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
  });
});
