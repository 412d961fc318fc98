import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/$lang.login";
import { action as organisationsAction, loader as organisationsLoader } from "~/routes/$lang.admin.organisations";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/$lang.admin.invitations";
import { loader as outboxLoader } from "~/routes/$lang.admin.outbox";
import { action as signupAction } from "~/routes/$lang.signup";
import { listAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/mailer.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { contextFor, cookieOf, DEMO_PASSWORD, get, post, run } from "../support/accounts";

let database: TestDatabase;
const cookies: Record<"city" | "council" | "secretariat", string> = { city: "", council: "", secretariat: "" };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
  for (const role of ["city", "council", "secretariat"] as const) {
    const response = await run(() =>
      loginAction({ request: post("/en/login", { email: `${role}@demo.l4a.test`, password: DEMO_PASSWORD }), params: { lang: "en" }, context: contextFor(database) }),
    );
    cookies[role] = cookieOf(response);
  }
});
afterAll(() => database?.destroy());

const pages = [
  ["organisations", organisationsLoader, organisationsAction, { intent: "verify", id: "1" }],
  ["invitations", invitationsLoader, invitationsAction, { email: "x@example.org", role: "council", language: "en" }],
  ["outbox", outboxLoader, null, null],
] as const;

describe("the secretariat's admin pages", () => {
  for (const [page, loader, action, body] of pages) {
    it(`/admin/${page} sends anonymous visitors to log in and refuses city and council accounts (403)`, async () => {
      const context = contextFor(database);
      const anonymous = await run(async () => loader({ request: get(`/en/admin/${page}`), params: { lang: "en" }, context }));
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(`/en/login?redirectTo=${encodeURIComponent(`/en/admin/${page}`)}`);
      for (const role of ["city", "council"] as const) {
        const refused = await run(async () => loader({ request: get(`/en/admin/${page}`, cookies[role]), params: { lang: "en" }, context }));
        expect(refused.status).toBe(403);
        if (action && body) {
          const refusedPost = await run(async () => action({ request: post(`/en/admin/${page}`, body, cookies[role]), params: { lang: "en" }, context }));
          expect(refusedPost.status).toBe(403);
        }
      }
      const allowed = await run(async () => loader({ request: get(`/en/admin/${page}`, cookies.secretariat), params: { lang: "en" }, context }));
      expect(allowed.status).toBe(200);
    });
  }

  it("lists organisations waiting for verification first and verifies one (audited)", async () => {
    const context = contextFor(database);
    const signup = await run(() =>
      signupAction({
        request: post("/en/signup", {
          displayName: "Kofi Mensah",
          email: "kofi@accra.example",
          password: "sunrise-mango-bicycle-7",
          passwordConfirm: "sunrise-mango-bicycle-7",
          language: "en",
          mode: "create",
          organisationName: "Accra Metropolitan Assembly",
          kind: "local_government",
          countryCode: "GH",
          region: "africa",
          city: "Accra",
          latitude: "5.6037",
          longitude: "-0.187",
        }),
        params: { lang: "en" },
        context,
      }),
    );
    expect(signup.status).toBe(302);
    const list = async (query = "") => {
      const response = await run(async () =>
        organisationsLoader({ request: get(`/en/admin/organisations${query}`, cookies.secretariat), params: { lang: "en" }, context }),
      );
      return (await response.json()) as { organisations: { id: number; name: string; verifiedOn: string | null; country: string }[] };
    };
    const all = await list();
    expect(all.organisations[0]).toMatchObject({ name: "Accra Metropolitan Assembly", verifiedOn: null, country: "Ghana" });
    expect(all.organisations.length).toBeGreaterThan(50);
    const waiting = await list("?status=unverified");
    expect(waiting.organisations.map((o) => o.name)).toEqual(["Accra Metropolitan Assembly"]);

    const id = all.organisations[0].id;
    const verified = await run(() => organisationsAction({ request: post("/en/admin/organisations", { intent: "verify", id }, cookies.secretariat), params: { lang: "en" }, context }));
    expect(verified.status).toBe(302);
    expect(verified.headers.get("Location")).toBe("/en/admin/organisations?notice=verify");
    expect((await list("?status=unverified")).organisations).toEqual([]);
    expect((await listAudit(database.db, "organisation", id)).map((e) => [e.action, e.actor_role])).toEqual([
      ["create", "city"],
      ["verify", "secretariat"],
    ]);
    const again = await run(() => organisationsAction({ request: post("/en/admin/organisations", { intent: "verify", id }, cookies.secretariat), params: { lang: "en" }, context }));
    expect(again.headers.get("Location")).toBe("/en/admin/organisations?notice=stale");
  });

  it("shows pending join requests and approves or refuses them", async () => {
    const context = contextFor(database);
    const bogota = await database.db.selectFrom("users").select("organisation_id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    for (const [name, email] of [["Joiner One", "one@example.org"], ["Joiner Two", "two@example.org"]]) {
      const response = await run(() =>
        signupAction({
          request: post("/en/signup", { displayName: name, email, password: "harbor-quietly-sings-9", passwordConfirm: "harbor-quietly-sings-9", language: "en", mode: "join", organisationId: bogota.organisation_id! }),
          params: { lang: "en" },
          context,
        }),
      );
      expect(response.status).toBe(302);
    }
    const load = async () =>
      (await (await run(async () => organisationsLoader({ request: get("/en/admin/organisations", cookies.secretariat), params: { lang: "en" }, context }))).json()) as {
        requests: { id: number; name: string; email: string }[];
      };
    const { requests } = await load();
    expect(requests.map((r) => r.email)).toEqual(["one@example.org", "two@example.org"]);
    await run(() => organisationsAction({ request: post("/en/admin/organisations", { intent: "approve", id: requests[0].id }, cookies.secretariat), params: { lang: "en" }, context }));
    await run(() => organisationsAction({ request: post("/en/admin/organisations", { intent: "refuse", id: requests[1].id }, cookies.secretariat), params: { lang: "en" }, context }));
    expect((await load()).requests).toEqual([]);
    const users = await database.db.selectFrom("users").select(["email", "organisation_id"]).where("email", "in", ["one@example.org", "two@example.org"]).orderBy("email").execute();
    expect(users).toEqual([
      { email: "one@example.org", organisation_id: bogota.organisation_id },
      { email: "two@example.org", organisation_id: null },
    ]);
  });

  it("shows the outbox: recipient, subject, body, date and status", async () => {
    await queueMail(database.db, { to: "reader@example.org", subject: "Bonjour", text: "Corps du message\nligne 2", kind: "test", language: "fr" });
    const context = contextFor(database);
    const response = await run(async () => outboxLoader({ request: get("/es/admin/outbox", cookies.secretariat), params: { lang: "es" }, context }));
    const data = (await response.json()) as { smtp: boolean; messages: { to: string; subject: string; body: string; status: string; created: string; language: string }[] };
    expect(data.smtp).toBe(false);
    expect(data.messages[0]).toMatchObject({ to: "reader@example.org", subject: "Bonjour", body: "Corps du message\nligne 2", status: "queued", language: "fr" });
    expect(data.messages[0].created).toMatch(/UTC$/);
    // Without SMTP_URL nothing is sent: the message stays queued.
    sendQueuedMail(database.db, undefined);
    const row = await database.db.selectFrom("outbox").select("sent_at").where("to_address", "=", "reader@example.org").executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
  });
});
