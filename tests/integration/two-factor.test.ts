import { generateTOTP } from "@epic-web/totp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT } from "~/modules/accounts/login.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { STEP_UP_FIELD } from "~/modules/accounts/two-factor";
import { RECOVERY_CODE_COUNT, STEP_UP_MAX_AGE_MS, TOTP_PERIOD_SECONDS } from "~/modules/accounts/two-factor.server";
import type { Env } from "~/modules/config/env.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction } from "~/routes/$lang.login";
import { action as codeAction, loader as codeLoader } from "~/routes/$lang.login_.code";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/$lang.account_.two-factor";
import { loader as accountLoader } from "~/routes/$lang.account";
import { action as reviewAction } from "~/routes/$lang.review.$hubId";
import { DEMO_PASSWORD } from "../support/accounts";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub } from "../support/progress-fixtures";
import { callRoute, contextFor, cookieOf, requestFor, testEnv } from "../support/routes";
import { cookieFor } from "../support/sessions";

/**
 * Two-factor sign-in (issue 10) as the staff meet it in production (REQUIRE_MFA=staff, the production
 * default): enrolment forced before any page, the code after the password, recovery codes, step-up
 * before a recognition, wrong codes counted by the log-in throttle, no code accepted twice.
 * The clock (Date only) moves by whole 30-second steps, so each code is that of a known step.
 */
const production: Env = { ...testEnv, REQUIRE_MFA: "staff" };
let database: TestDatabase;
let now = Date.UTC(2030, 0, 15, 9, 0, 0);
const nextStep = () => {
  now += TOTP_PERIOD_SECONDS * 1000;
  vi.setSystemTime(now);
};
const codeOf = async (secret: string) => (await generateTOTP({ secret, algorithm: "SHA-1", digits: 6, period: TOTP_PERIOD_SECONDS })).otp;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.destroy();
});
afterEach(() => nextStep());

const idOf = async (email: string) => (await database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

async function login(email: string, ip = "198.51.100.9", env = production) {
  return callRoute(loginAction, database, { path: "/en/login", body: { email, password: DEMO_PASSWORD, redirectTo: "/en/review" }, params: { lang: "en" }, clientIp: ip, env });
}

/** Enrols the account of `cookie` through the page; returns the secret and the recovery codes. */
async function enrol(cookie: string) {
  const page = await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production });
  expect(page.status).toBe(200);
  const data = (await page.json()) as { enabled: boolean; enrolment: { secret: string; uri: string; qrSvg: string } };
  expect(data.enabled).toBe(false);
  const secret = data.enrolment.secret;
  const done = await callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production, body: { intent: "enrol", code: await codeOf(secret) } });
  expect(done.status).toBe(200);
  const { recoveryCodes } = (await done.json()) as { recoveryCodes: string[] };
  return { secret, recoveryCodes, data };
}

describe("enrolment", () => {
  it("sends a secretariat account without two-factor to enrol before any other page, public ones included", async () => {
    const cookie = await cookieFor(database, await idOf("secretariat@demo.l4a.test"));
    const account = await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie, env: production });
    expect(account.status).toBe(302);
    expect(account.headers.get("Location")).toBe(`/en/account/two-factor?${new URLSearchParams({ redirectTo: "/en/account" })}`);
    const home = await callRoute(rootLoader, database, { path: "/en", cookie, env: production });
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toMatch(/^\/en\/account\/two-factor\?/);
    // The enrolment page itself opens.
    expect((await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production })).status).toBe(200);
  });

  it("asks nothing of a city account, nor of any account outside production", async () => {
    const city = await cookieFor(database, await idOf("city@demo.l4a.test"));
    expect((await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie: city, env: production })).status).toBe(200);
    const council = await cookieFor(database, await idOf("council@demo.l4a.test"));
    expect((await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie: council })).status).toBe(200);
    expect((await login("council@demo.l4a.test", "198.51.100.2", testEnv)).headers.get("Location")).toBe("/en/review");
  });

  it("shows the secret as text, as an otpauth URI and as an SVG QR code, and turns on with a right code only", async () => {
    const userId = await idOf("council@demo.l4a.test");
    const cookie = await cookieFor(database, userId);
    const page = await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production });
    const data = (await page.json()) as { enrolment: { secret: string; uri: string; qrSvg: string } };
    expect(data.enrolment.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(data.enrolment.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(data.enrolment.uri).toContain(encodeURIComponent("council@demo.l4a.test"));
    expect(data.enrolment.qrSvg).toMatch(/^<svg[^>]*>.*<path/s);
    expect(data.enrolment.qrSvg).not.toMatch(/<script|on\w+=/i);
    // The same secret on a second visit (the phone may already have it).
    const again = (await (await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production })).json()) as typeof data;
    expect(again.enrolment.secret).toBe(data.enrolment.secret);

    const wrong = await callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production, body: { intent: "enrol", code: "000000" } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { result: { error: Record<string, string[]> } }).result.error.code).toEqual(["accounts:twoFactor.codeWrong"]);

    const done = await callRoute(twoFactorAction, database, {
      path: "/en/account/two-factor",
      params: { lang: "en" },
      cookie,
      env: production,
      body: { intent: "enrol", code: await codeOf(data.enrolment.secret) },
    });
    const { recoveryCodes } = (await done.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    // Only hashes are stored.
    const stored = await database.db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", userId).execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const row of stored) expect(recoveryCodes.map((code) => code.replace("-", ""))).not.toContain(row.code_hash);
    // Enrolled: the pages open.
    expect((await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie, env: production })).status).toBe(200);
  });
});

describe("signing in with a code", () => {
  let secret = "";
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol(await cookieFor(database, await idOf("secretariat@demo.l4a.test"))));
    nextStep();
  });

  it("asks for the code after the password; until it is given the session opens no page", async () => {
    const response = await login("secretariat@demo.l4a.test");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/en/login/code?${new URLSearchParams({ redirectTo: "/en/review" })}`);
    const cookie = cookieOf(response);
    const context = contextFor(database, "198.51.100.9", production);
    expect(await getSessionUser(context, requestFor({ path: "/en", cookie }))).toBeNull();
    const account = await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie, env: production });
    expect(account.headers.get("Location")).toMatch(/^\/en\/login\?/);
    expect((await callRoute(codeLoader, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production })).status).toBe(200);

    const code = await codeOf(secret);
    const done = await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production, body: { code: `${code.slice(0, 3)} ${code.slice(3)}`, redirectTo: "/en/review" } });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/en/review");
    expect(await getSessionUser(context, requestFor({ path: "/en", cookie }))).toMatchObject({ role: "secretariat", twoFactorEnabled: true });
    const user = await database.db.selectFrom("users").select("last_login_at").where("email", "=", "secretariat@demo.l4a.test").executeTakeFirstOrThrow();
    expect(user.last_login_at).not.toBeNull();
  });

  it("never accepts the same code twice, even in another session", async () => {
    const code = await codeOf(secret);
    const first = cookieOf(await login("secretariat@demo.l4a.test"));
    const second = cookieOf(await login("secretariat@demo.l4a.test"));
    const post = (cookie: string) => callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production, body: { code } });
    expect((await post(first)).status).toBe(302);
    const replay = await post(second);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: Record<string, string[]> }).error.code).toEqual(["accounts:signInCode.failed"]);
  });

  it("takes each recovery code once, and says how many are left", async () => {
    const [recovery] = recoveryCodes;
    const first = cookieOf(await login("secretariat@demo.l4a.test"));
    const used = await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie: first, env: production, body: { code: recovery.toUpperCase() } });
    expect(used.headers.get("Location")).toBe("/en/account/two-factor?recovered=1");
    const page = (await (await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor?recovered=1", params: { lang: "en" }, cookie: first, env: production })).json()) as {
      recoveryCodesLeft: number;
    };
    expect(page.recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
    const second = cookieOf(await login("secretariat@demo.l4a.test"));
    expect((await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie: second, env: production, body: { code: recovery } })).status).toBe(400);
  });

  it(`counts wrong codes toward the log-in throttle: after ${MAX_FAILURES_PER_ACCOUNT}, even the right code and the right password are refused`, async () => {
    const cookie = cookieOf(await login("secretariat@demo.l4a.test", "203.0.113.40"));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const wrong = await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production, clientIp: "203.0.113.40", body: { code: String(100000 + i) } });
      expect(wrong.status).toBe(400);
    }
    nextStep();
    const right = await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production, clientIp: "203.0.113.40", body: { code: await codeOf(secret) } });
    expect(right.status).toBe(400);
    expect((await login("secretariat@demo.l4a.test", "203.0.113.41")).status).toBe(400);
    const failures = await database.db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("email", "=", "secretariat@demo.l4a.test")
      .where("succeeded", "=", false)
      .executeTakeFirstOrThrow();
    expect(Number(failures.count)).toBeGreaterThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    // The window passes: the code works again.
    now += LOGIN_WINDOW_MS + 60_000;
    vi.setSystemTime(now);
    const later = cookieOf(await login("secretariat@demo.l4a.test", "203.0.113.42"));
    expect((await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie: later, env: production, clientIp: "203.0.113.42", body: { code: await codeOf(secret) } })).status).toBe(302);
  });
});

describe("step-up before a recognition", () => {
  it("asks for a fresh code when the last one is more than 15 minutes old, and recognises with it", async () => {
    const userId = await idOf("secretariat@demo.l4a.test");
    const secret = (await database.db.selectFrom("users").select("totp_secret").where("id", "=", userId).executeTakeFirstOrThrow()).totp_secret!;
    const city = await database.db.selectFrom("users").select("organisation_id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    const hub = await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2030-03-01", endDate: "2033-12-31" });
    await database.db.updateTable("hubs").set({ status: "submitted", recognised_at: null }).where("id", "=", hub.id).execute();
    const cookie = cookieOf(await login("secretariat@demo.l4a.test", "203.0.113.60"));
    await callRoute(codeAction, database, { path: "/en/login/code", params: { lang: "en" }, cookie, env: production, clientIp: "203.0.113.60", body: { code: await codeOf(secret) } });
    now += STEP_UP_MAX_AGE_MS + TOTP_PERIOD_SECONDS * 1000;
    vi.setSystemTime(now);

    const decide = (extra: Record<string, string>) =>
      callRoute(reviewAction, database, {
        path: `/en/review/${hub.id}`,
        params: { lang: "en", hubId: String(hub.id) },
        cookie,
        env: production,
        clientIp: "203.0.113.60",
        body: { intent: "decide", decision: "recognise", message: "Welcome to the network.", ...extra },
      });
    const without = await decide({});
    expect(without.status).toBe(400);
    expect(((await without.json()) as { stepUpError: string }).stepUpError).toBe("accounts:stepUp.required");
    const wrong = await decide({ [STEP_UP_FIELD]: "123456" });
    expect(((await wrong.json()) as { stepUpError: string }).stepUpError).toBe("accounts:stepUp.failed");
    expect((await database.db.selectFrom("hubs").select("status").where("id", "=", hub.id).executeTakeFirstOrThrow()).status).toBe("submitted");

    const recognised = await decide({ [STEP_UP_FIELD]: await codeOf(secret) });
    expect(recognised.status).toBe(302);
    expect((await database.db.selectFrom("hubs").select("status").where("id", "=", hub.id).executeTakeFirstOrThrow()).status).toBe("recognised");
  });
});

describe("managing two-factor", () => {
  it("makes new recovery codes and turns off only with a fresh code; a required role then enrols again", async () => {
    const userId = await idOf("council@demo.l4a.test");
    const cookie = await cookieFor(database, userId);
    const secret = (await database.db.selectFrom("users").select("totp_secret").where("id", "=", userId).executeTakeFirstOrThrow()).totp_secret!;
    const post = (body: Record<string, string>) => callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, env: production, body });
    const before = await database.db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", userId).execute();
    expect((await post({ intent: "regenerate", code: "999999" })).status).toBe(400);
    const regenerated = await post({ intent: "regenerate", code: await codeOf(secret) });
    expect(((await regenerated.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const after = await database.db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", userId).execute();
    expect(after.map((row) => row.code_hash)).not.toEqual(expect.arrayContaining(before.map((row) => row.code_hash)));

    nextStep();
    expect((await post({ intent: "disable", code: "" })).status).toBe(400);
    const off = await post({ intent: "disable", code: await codeOf(secret) });
    expect(off.status).toBe(200);
    const user = await database.db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user).toEqual({ totp_secret: null, totp_enabled_at: null });
    expect(await database.db.selectFrom("recovery_codes").select("id").where("user_id", "=", userId).execute()).toEqual([]);
    expect((await callRoute(accountLoader, database, { path: "/en/account", params: { lang: "en" }, cookie, env: production })).headers.get("Location")).toMatch(/two-factor/);
    const audit = await database.db.selectFrom("audit_log").select("action").where("entity", "=", "user").where("entity_id", "=", userId).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["two_factor_on", "recovery_codes_replaced", "two_factor_off"]));
  });
});
