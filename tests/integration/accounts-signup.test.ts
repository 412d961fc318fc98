import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as signupAction, loader as signupLoader } from "~/routes/$lang.signup";
import { loader as accountLoader } from "~/routes/$lang.account";
import { getSessionUser } from "~/modules/accounts/session.server";
import {
  decideMembershipRequest,
  isOrganisationVerified,
  requireCityMember,
  verifyOrganisation,
} from "~/modules/accounts/organisations.server";
import { passwordProblem } from "~/modules/accounts/password-policy.server";
import { parseMessage } from "~/modules/forms/messages";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listAudit } from "~/modules/audit/audit.server";
import { attemptLogin } from "~/modules/accounts/login.server";
import { requestPasswordReset, resetPassword } from "~/modules/accounts/password-reset.server";
import { action as confirmAction, loader as confirmLoader } from "~/routes/$lang.signup_.confirm.$token";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute, contextFor, cookieOf, requestFor, responseOf } from "../support/routes";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

const GOOD_PASSWORD = "tranquil-otter-harbour-42";

function newOrganisationForm(overrides: Record<string, string | number | undefined> = {}) {
  return {
    displayName: "Ana Pérez",
    email: "ana@rosario.example",
    password: GOOD_PASSWORD,
    passwordConfirm: GOOD_PASSWORD,
    language: "es",
    mode: "create",
    organisationName: "Municipalidad de Funes",
    kind: "local_government",
    countryCode: "AR",
    region: "latin_america",
    city: "Rosario",
    latitude: "-32.95",
    longitude: "-60.65",
    ...overrides,
  };
}

async function signup(values: Record<string, string | number | undefined>, lang = "es") {
  return callRoute(signupAction, database, { path: `/${lang}/signup`, body: values, params: { lang } });
}

/** Follows the confirmation link the sign-up e-mail carries (read from the outbox), as its recipient would; returns the session cookie. */
async function confirmAddress(email: string): Promise<string> {
  const message = await database.db
    .selectFrom("outbox")
    .select("link_token")
    .where("to_address", "=", email)
    .where("kind", "=", "signup_confirm")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const token = message.link_token!;
  const page = await callRoute(confirmLoader, database, { path: `/en/signup/confirm/${token}`, params: { lang: "en", token } });
  expect(page.status).toBe(200);
  const confirmed = await callRoute(confirmAction, database, { path: `/en/signup/confirm/${token}`, params: { lang: "en", token }, body: { intent: "confirm" } });
  expect(confirmed.status).toBe(302);
  expect(confirmed.headers.get("Location")).toMatch(/\/account\?welcome=1$/);
  return cookieOf(confirmed);
}

async function errorsOf(response: Response) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
  return body;
}

async function bogotaId() {
  const row = await database.db.selectFrom("users").select("organisation_id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
  return row.organisation_id!;
}

describe("the sign-up page", () => {
  it("lists countries named in the page's language and only verified organisations to join", async () => {
    const unverified = await database.db
      .insertInto("organisations")
      .values({ name: "Not Yet Verified Town", kind: "local_government", country_code: "FR", region: "europe", city: "Nulle", latitude: 1, longitude: 1, verified_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = await callRoute(signupLoader, database, { path: "/es/signup", params: { lang: "es" } });
    const data = (await response.json()) as { countries: { value: string; label: string }[]; organisations: { value: string; label: string }[] };
    expect(data.countries).toHaveLength(249);
    expect(data.countries.find((c) => c.value === "DE")?.label).toBe("Alemania");
    const bogota = String(await bogotaId());
    expect(data.organisations.some((o) => o.value === bogota)).toBe(true);
    expect(data.organisations.some((o) => o.value === String(unverified.id))).toBe(false);
  });

  it("creates the account and a new unverified organisation, logs the user in, and audits both", async () => {
    const response = await signup(newOrganisationForm());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/es/signup?sent=1");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const cookie = await confirmAddress("ana@rosario.example");
    const context = contextFor(database);
    const user = await getSessionUser(context, requestFor({ path: "/es/account", cookie }));
    expect(user).toMatchObject({ email: "ana@rosario.example", displayName: "Ana Pérez", role: "city", preferredLanguage: "es" });
    const organisation = await database.db.selectFrom("organisations").selectAll().where("id", "=", user!.organisationId!).executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ name: "Municipalidad de Funes", kind: "local_government", country_code: "AR", region: "latin_america", city: "Rosario", latitude: -32.95, longitude: -60.65, verified_at: null });
    expect(await isOrganisationVerified(database.db, organisation.id)).toBe(false);
    expect((await listAudit(database.db, "organisation", organisation.id)).map((e) => e.action)).toEqual(["create"]);
    expect((await listAudit(database.db, "user", user!.id)).map((e) => e.action)).toEqual(["sign_up", "email_confirmed"]);

    // Unverified: not yet a member who may act (submit) for the organisation; allowed to draft.
    const forbidden = await responseOf(() => requireCityMember(context, requestFor({ path: "/es/x", cookie })));
    expect(forbidden.status).toBe(403);
    await expect(requireCityMember(context, requestFor({ path: "/es/x", cookie }), { allowUnverified: true })).resolves.toMatchObject({ id: user!.id });

    const secretariat = await database.db.selectFrom("users").select("id").where("role", "=", "secretariat").executeTakeFirstOrThrow();
    expect(await verifyOrganisation(database.db, organisation.id, secretariat.id)).toBe(true);
    expect(await verifyOrganisation(database.db, organisation.id, secretariat.id)).toBe(false);
    expect(await isOrganisationVerified(database.db, organisation.id)).toBe(true);
    await expect(requireCityMember(context, requestFor({ path: "/es/x", cookie }))).resolves.toMatchObject({ organisationId: organisation.id });
  });

  it("asks to join an existing organisation: no membership until the secretariat approves", async () => {
    const organisationId = await bogotaId();
    const response = await signup({
      displayName: "Luis Gómez",
      email: "luis@bogota.example",
      password: GOOD_PASSWORD,
      passwordConfirm: GOOD_PASSWORD,
      language: "en",
      mode: "join",
      organisationId,
    });
    expect(response.status).toBe(302);
    const cookie = await confirmAddress("luis@bogota.example");
    const context = contextFor(database);
    const user = (await getSessionUser(context, requestFor({ path: "/en/account", cookie })))!;
    expect(user.organisationId).toBeNull();
    expect((await responseOf(() => requireCityMember(context, requestFor({ path: "/en/x", cookie }), { allowUnverified: true }))).status).toBe(403);

    const account = await callRoute(accountLoader, database, { path: "/en/account", cookie, params: { lang: "en" } });
    const accountData = (await account.json()) as { request: { status: string; organisationName: string } | null };
    expect(accountData.request).toMatchObject({ status: "pending" });

    const request = await database.db.selectFrom("membership_requests").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ organisation_id: organisationId, status: "pending" });
    const secretariat = await database.db.selectFrom("users").select("id").where("role", "=", "secretariat").executeTakeFirstOrThrow();
    expect(await decideMembershipRequest(database.db, request.id, "approved", secretariat.id)).toBe(true);
    expect(await decideMembershipRequest(database.db, request.id, "refused", secretariat.id)).toBe(false);
    await expect(requireCityMember(context, requestFor({ path: "/en/x", cookie }))).resolves.toMatchObject({ id: user.id, organisationId });
    expect((await listAudit(database.db, "membership_request", request.id)).map((e) => e.action)).toEqual(["request", "approve"]);
  });

  it("a refused request leaves the person without an organisation", async () => {
    const response = await signup({
      displayName: "Refused Person",
      email: "refused@example.org",
      password: GOOD_PASSWORD,
      passwordConfirm: GOOD_PASSWORD,
      language: "fr",
      mode: "join",
      organisationId: await bogotaId(),
    });
    expect(response.status).toBe(302);
    const cookie = await confirmAddress("refused@example.org");
    const context = contextFor(database);
    const user = (await getSessionUser(context, requestFor({ path: "/fr/account", cookie })))!;
    const request = await database.db.selectFrom("membership_requests").select("id").where("user_id", "=", user.id).executeTakeFirstOrThrow();
    const secretariat = await database.db.selectFrom("users").select("id").where("role", "=", "secretariat").executeTakeFirstOrThrow();
    expect(await decideMembershipRequest(database.db, request.id, "refused", secretariat.id)).toBe(true);
    expect((await responseOf(() => requireCityMember(context, requestFor({ path: "/fr/x", cookie })))).status).toBe(403);
    expect((await getSessionUser(context, requestFor({ path: "/fr/account", cookie })))!.organisationId).toBeNull();
  });

  it("refuses to join an organisation that is not verified", async () => {
    const unverified = await database.db.selectFrom("organisations").select("id").where("name", "=", "Not Yet Verified Town").executeTakeFirstOrThrow();
    const body = await errorsOf(
      await signup({ displayName: "X", email: "x@example.org", password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD, language: "en", mode: "join", organisationId: unverified.id }),
    );
    expect(body.error.organisationId).toEqual(["accounts:signup.organisationUnavailable"]);
    expect(await database.db.selectFrom("users").select("id").where("email", "=", "x@example.org").executeTakeFirst()).toBeUndefined();
  });

  it("never says an address is registered: the answer is the same, nothing is created, and the owner is told by e-mail", async () => {
    const before = await database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await signup(newOrganisationForm({ email: "CITY@Demo.L4A.test", organisationName: "Duplicate City" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/es/signup?sent=1");
    const after = await database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const mail = await database.db.selectFrom("outbox").select(["kind", "link_token"]).where("to_address", "=", "city@demo.l4a.test").execute();
    expect(mail).toEqual([{ kind: "account_signup_attempt", link_token: null }]);
  });

  it("a password reset confirms the address too (its link reached it)", async () => {
    await signup(newOrganisationForm({ email: "forgetful@example.org", organisationName: "Comuna Olvidadiza" }));
    await requestPasswordReset(database.db, "forgetful@example.org", "http://localhost");
    const reset = await database.db.selectFrom("outbox").select("link_token").where("to_address", "=", "forgetful@example.org").where("kind", "=", "password_reset").executeTakeFirstOrThrow();
    expect((await resetPassword(database.db, reset.link_token!, "a-brand-new-password-77")).status).toBe("valid");
    expect((await attemptLogin(database.db, { email: "forgetful@example.org", password: "a-brand-new-password-77", ip: "198.51.100.72", userAgent: null })).ok).toBe(true);
  });

  it("an unconfirmed account cannot sign in; signing up again sends a new link, the old one stops working, and each works once", async () => {
    const form = newOrganisationForm({ email: "pending@example.org", organisationName: "Comuna de Pendiente" });
    await signup(form);
    const first = await database.db.selectFrom("outbox").select("link_token").where("to_address", "=", "pending@example.org").executeTakeFirstOrThrow();
    expect((await attemptLogin(database.db, { email: "pending@example.org", password: GOOD_PASSWORD, ip: "198.51.100.70", userAgent: null })).ok).toBe(false);
    expect((await signup(form)).headers.get("Location")).toBe("/es/signup?sent=1");
    const token = first.link_token!;
    expect((await callRoute(confirmLoader, database, { path: `/es/signup/confirm/${token}`, params: { lang: "es", token } })).status).toBe(410);
    await confirmAddress("pending@example.org");
    expect((await attemptLogin(database.db, { email: "pending@example.org", password: GOOD_PASSWORD, ip: "198.51.100.71", userAgent: null })).ok).toBe(true);
    const used = (await database.db.selectFrom("outbox").select("id").where("to_address", "=", "pending@example.org").execute()).length;
    expect(used).toBe(2);
  });

  it("requires the organisation's fields when creating one, and checks the coordinates' range", async () => {
    const body = await errorsOf(
      await signup(
        newOrganisationForm({ email: "new1@example.org", password: "short", organisationName: "", kind: undefined, latitude: "91", longitude: "-181", countryCode: "XX" }),
      ),
    );
    // Every problem at once, the password's too.
    expect(body.error.password?.[0]).toMatch(/^validation:tooShort/);
    expect(body.error.organisationName).toEqual(["validation:required"]);
    expect(body.error.kind).toEqual(["validation:required"]);
    expect(body.error.latitude?.[0]).toMatch(/^validation:tooBig/);
    expect(body.error.longitude?.[0]).toMatch(/^validation:tooSmall/);
    expect(body.error.countryCode).toEqual(["validation:choice"]);
  });

  it.each([
    ["too short", "short-pass1", "validation:tooShort", "Introduzca al menos 12 caracteres."],
    ["common", "password1234", "accounts:password.common", "Esta contraseña es demasiado común o fácil de adivinar. Elija otra."],
    ["containing the e-mail", "ana-rosario-2030", "accounts:password.containsEmail", "La contraseña no debe contener su dirección de correo."],
  ])("refuses a %s password with a localised message beside the field", async (_label, password, key, spanish) => {
    const body = await errorsOf(await signup(newOrganisationForm({ email: "ana-rosario@example.org", password, passwordConfirm: password })));
    expect(body.error.password).toHaveLength(1);
    const { key: actualKey, values } = parseMessage(body.error.password[0]);
    expect(actualKey).toBe(key);
    const t = await getTranslator("es");
    expect(t(actualKey, values)).toBe(spanish);
    expect(body.initialValue).toMatchObject({ email: "ana-rosario@example.org", city: "Rosario" });
    expect(await database.db.selectFrom("users").select("id").where("email", "=", "ana-rosario@example.org").executeTakeFirst()).toBeUndefined();
  });

  it("refuses a confirmation that differs and a password over 200 characters", async () => {
    let body = await errorsOf(await signup(newOrganisationForm({ email: "m@example.org", passwordConfirm: "something-else-entirely" })));
    expect(body.error.passwordConfirm).toEqual(["accounts:password.mismatch"]);
    const long = "a-long-passphrase-".repeat(12);
    body = await errorsOf(await signup(newOrganisationForm({ email: "m@example.org", password: long, passwordConfirm: long })));
    expect(body.error.password?.[0]).toMatch(/^validation:tooLong/);
  });
});

describe("the password policy", () => {
  it("accepts a long unusual passphrase and refuses common ones in any case", () => {
    expect(passwordProblem(GOOD_PASSWORD, "someone@example.org")).toBeNull();
    expect(passwordProblem("QWERTYUIOPASDFGH")).toBe("accounts:password.common");
    expect(passwordProblem("111111111111")).toBe("accounts:password.common");
    expect(passwordProblem("someone@example.org", "someone@example.org")).toBe("accounts:password.containsEmail");
  });
});
