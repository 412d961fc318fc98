import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/index";
import { action as accountAction } from "~/routes/$lang.account";
import { loader as homeLoader } from "~/routes/$lang._index";
import { action as forgotAction } from "~/routes/$lang.password.forgot";
import { action as signupAction } from "~/routes/$lang.signup";
import { loader as mapLoader } from "~/routes/api.map";
import { requestPasswordReset, resetTokenState } from "~/modules/accounts/password-reset.server";
import { parseEnv } from "~/modules/config/env.server";
import { consumeRateLimit, passRetryAfter, rateLimitRules, type RateLimitRule } from "~/modules/http/rate-limit.server";
import { deliverableText } from "~/modules/mail/mailer.server";
import { useToday } from "../support/clock";
import { createTestDatabase, engine, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute, testEnv } from "../support/routes";
import { loginAs } from "../support/sessions";

// Security review, finding 13. The clock stands still at noon, so no window ends during a test.
useToday("2026-12-01");

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

/** Small limits, so the tests stay fast; the session secret stays the file's. */
const env = { ...parseEnv({ RATE_LIMIT_SEARCH_PER_MINUTE: "3", RATE_LIMIT_SIGNUP_PER_HOUR: "2", RATE_LIMIT_PASSWORD_RESET_PER_HOUR: "2" }), SESSION_SECRET: testEnv.SESSION_SECRET };

async function formErrors(response: Response): Promise<string[] | undefined> {
  const body = (await response.json()) as { error?: Record<string, string[]>; result?: { error?: Record<string, string[]> } };
  return (body.result?.error ?? body.error)?.[""];
}

function signupForm(email: string) {
  const password = "tranquil-otter-harbour-42";
  return { displayName: "Ana Pérez", email, password, passwordConfirm: password, language: "es", mode: "create", organisationName: `Municipalidad ${email}`, kind: "local_government", countryCode: "AR", region: "latin_america", city: "Rosario", latitude: "-32.95", longitude: "-60.65" };
}

describe("rate limits", () => {
  it("forgot-password: the third request for one address within the hour gets a localised 429 with Retry-After, and sends nothing", async () => {
    const user = await createUser(database.db, { role: "city" });
    const post = (ip: string) => callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: user.email }, params: { lang: "en" }, clientIp: ip, env });
    expect((await post("198.51.100.10")).status).toBe(200);
    expect((await post("198.51.100.11")).status).toBe(200);
    const refused = await post("198.51.100.12");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("3600");
    expect(await formErrors(refused)).toEqual(["validation:tooManyRequests"]);
    const mails = await database.db.selectFrom("outbox").select("id").where("to_address", "=", user.email).execute();
    expect(mails).toHaveLength(2);
  });

  it("forgot-password: one IP gets 20 requests an hour, whatever the addresses", async () => {
    const post = (n: number) => callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: `nobody${n}@example.org` }, params: { lang: "en" }, clientIp: "198.51.100.20", env });
    for (let n = 1; n <= 20; n++) expect((await post(n)).status).toBe(200);
    const refused = await post(21);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another IP is not affected.
    expect((await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: "nobody@example.org" }, params: { lang: "en" }, clientIp: "198.51.100.21", env })).status).toBe(200);
  });

  it("sign-up: the third account from one IP within the hour gets a 429 (RATE_LIMIT_SIGNUP_PER_HOUR=2), with the form's values kept", async () => {
    const post = (email: string) => callRoute(signupAction, database, { path: "/es/signup", body: signupForm(email), params: { lang: "es" }, clientIp: "198.51.100.30", env });
    expect((await post("one@rosario.example")).status).toBe(302);
    expect((await post("two@rosario.example")).status).toBe(302);
    const refused = await post("three@rosario.example");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("3600");
    const body = (await refused.clone().json()) as { initialValue: Record<string, unknown> };
    expect(body.initialValue).toMatchObject({ email: "three@rosario.example", city: "Rosario" });
    expect(body.initialValue.password).toBeUndefined();
    expect(await formErrors(refused)).toEqual(["validation:tooManyRequests"]);
    expect(await database.db.selectFrom("users").select("id").where("email", "=", "three@rosario.example").executeTakeFirst()).toBeUndefined();
  });

  it("search: the fourth text search from one IP within the minute gets the 429 page (RATE_LIMIT_SEARCH_PER_MINUTE=3); the plain home page is not counted", async () => {
    const get = (path: string) => callRoute(homeLoader, database, { path, params: { lang: "en" }, clientIp: "198.51.100.40", env });
    expect((await get("/en")).status).toBe(200);
    for (let n = 1; n <= 3; n++) expect((await get(`/en?q=water${n}`)).status).toBe(200);
    expect((await get("/en")).status).toBe(200);
    const refused = await get("/en?q=water");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
  });

  it("map data: the fourth /api/map request from one IP within the minute gets a JSON 429", async () => {
    const get = () => callRoute(mapLoader, database, { path: "/api/map?zoom=2", clientIp: "198.51.100.50", env });
    for (let n = 1; n <= 3; n++) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(await refused.json()).toEqual({ error: "too_many_requests" });
  });

  it("account: the sixth current-password check within 15 minutes gets a 429, even with the right password", async () => {
    const user = await loginAs(database, "council");
    const post = (currentPassword: string) =>
      callRoute(accountAction, database, {
        path: "/en/account",
        body: { currentPassword, password: "violet-canyon-lantern-88", passwordConfirm: "violet-canyon-lantern-88" },
        cookie: user.cookie,
        params: { lang: "en" },
      });
    for (let n = 1; n <= 5; n++) expect((await post(`wrong-guess-${n}`)).status).toBe(400);
    const refused = await post("wrong-guess-6");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(900);
  });

  it("a 429 document keeps its Retry-After (the routes' headers export passes it on)", () => {
    const empty = new Headers();
    const headers = new Headers(passRetryAfter({ parentHeaders: new Headers({ "X-Parent": "1" }), loaderHeaders: empty, actionHeaders: empty, errorHeaders: new Headers({ "Retry-After": "60" }) }));
    expect(headers.get("Retry-After")).toBe("60");
    expect(headers.get("X-Parent")).toBe("1");
  });
});

describe("one valid reset link per account", () => {
  it("a new reset request makes the older link useless", async () => {
    const user = await createUser(database.db, { role: "city" });
    const linkToken = async () => {
      const message = await database.db.selectFrom("outbox").select(["body_text", "link_token"]).where("to_address", "=", user.email).orderBy("id", "desc").executeTakeFirstOrThrow();
      return deliverableText(message).match(/\/password\/reset\/([A-Za-z0-9_-]{43})/)![1];
    };
    await requestPasswordReset(database.db, user.email, "http://localhost");
    const older = await linkToken();
    expect((await resetTokenState(database.db, older)).status).toBe("valid");
    await requestPasswordReset(database.db, user.email, "http://localhost");
    const newer = await linkToken();
    expect(newer).not.toBe(older);
    expect((await resetTokenState(database.db, older)).status).toBe("unknown");
    expect((await resetTokenState(database.db, newer)).status).toBe("valid");
  });
});

describe("the counters are shared by every process", () => {
  const rule: RateLimitRule = { name: "test-shared", max: 10, windowMs: 60_000 };

  it("counts concurrent requests exactly: of 25 at once, 10 pass", async () => {
    const decisions = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(database.db, rule, "concurrent")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it("starts again in the next window", async () => {
    const now = new Date("2026-12-01T13:00:00Z");
    for (let n = 1; n <= 10; n++) expect((await consumeRateLimit(database.db, rule, "windows", now)).allowed).toBe(true);
    expect(await consumeRateLimit(database.db, rule, "windows", new Date(now.getTime() + 59_000))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await consumeRateLimit(database.db, rule, "windows", new Date(now.getTime() + 60_000))).allowed).toBe(true);
  });

  it.skipIf(engine !== "postgres")("two app processes (two connection pools on one PostgreSQL database) share one count", async () => {
    const other = await openDatabase({ databaseUrl: database.url, poolSize: 4 });
    try {
      const both = [database.db, other.db];
      // Alternating one by one, then 20 more at once from both.
      const sequential = [];
      for (let n = 0; n < 6; n++) sequential.push(await consumeRateLimit(both[n % 2], rule, "two-processes"));
      expect(sequential.every((decision) => decision.allowed)).toBe(true);
      const concurrent = await Promise.all(Array.from({ length: 20 }, (_, n) => consumeRateLimit(both[n % 2], rule, "two-processes")));
      expect(concurrent.filter((decision) => decision.allowed)).toHaveLength(4);
      const row = await other.db.selectFrom("rate_limits").select("hits").where("bucket", "=", "test-shared:two-processes").executeTakeFirstOrThrow();
      expect(row.hits).toBe(26);
    } finally {
      await other.close();
    }
  });
});

describe("a counter whose rule allows an asynchronous commit (the search's)", () => {
  const flood: RateLimitRule = { name: "test-async", max: 3, windowMs: 60_000, asyncCommit: true };
  const careful: RateLimitRule = { name: "test-sync", max: 3, windowMs: 60_000 };

  /** `consumeRateLimit` on `db`, with the commit mode its statement set for its own transaction ('off', or null when it set none). */
  async function consumed(db: DB, rule: RateLimitRule, subject: string) {
    const modes: unknown[] = [];
    const recorder: KyselyPlugin = {
      transformQuery: ({ node }: PluginTransformQueryArgs) => node,
      transformResult: async ({ result }: PluginTransformResultArgs) => {
        for (const row of result.rows) if ("commit_mode" in row) modes.push(row.commit_mode);
        return result;
      },
    };
    const decision = await consumeRateLimit(db.withPlugin(recorder), rule, subject);
    return { decision, modes };
  }

  it("commits its own statement asynchronously, and the setting ends with that statement", async () => {
    expect(rateLimitRules(env).search.asyncCommit).toBe(true);
    await database.db.connection().execute(async (connection) => {
      for (let n = 1; n <= 4; n++) {
        const { decision, modes } = await consumed(connection, flood, "alone");
        expect({ n, allowed: decision.allowed, modes }).toEqual({ n, allowed: n <= 3, modes: ["off"] });
        // The next statement on the same connection commits as the server is configured.
        expect((await sql<{ setting: string }>`select current_setting('synchronous_commit') as setting`.execute(connection)).rows[0].setting).toBe("on");
      }
    });
  });

  it("leaves every other rule's counter, and any counter inside a caller's transaction, to wait for its commit", async () => {
    expect((await consumed(database.db, careful, "alone")).modes).toEqual([null]);
    await database.db.transaction().execute(async (trx) => {
      expect((await consumed(trx, flood, "in-transaction")).modes).toEqual([null]);
      expect((await sql<{ setting: string }>`select current_setting('synchronous_commit') as setting`.execute(trx)).rows[0].setting).toBe("on");
    });
    const row = await database.db.selectFrom("rate_limits").select("hits").where("bucket", "=", "test-async:in-transaction").executeTakeFirstOrThrow();
    expect(row.hits).toBe(1);
  });
});
