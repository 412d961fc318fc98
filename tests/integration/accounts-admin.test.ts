import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as organisationsAction, loader as organisationsLoader } from "~/routes/$lang.admin.organisations";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/$lang.admin.invitations";
import { loader as outboxLoader } from "~/routes/$lang.admin.outbox";
import { action as signupAction } from "~/routes/$lang.signup";
import { listAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/mailer.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute, requestFor } from "../support/routes";
import { loginAsDemo } from "../support/sessions";

let database: TestDatabase;
const cookies: Record<"city" | "council" | "secretariat", string> = { city: "", council: "", secretariat: "" };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
  for (const role of ["city", "council", "secretariat"] as const) {
    cookies[role] = (await loginAsDemo(database, role)).cookie;
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
      const anonymous = await callRoute(loader, database, { path: `/en/admin/${page}`, params: { lang: "en" } });
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(`/en/login?redirectTo=${encodeURIComponent(`/en/admin/${page}`)}`);
      for (const role of ["city", "council"] as const) {
        const refused = await callRoute(loader, database, { path: `/en/admin/${page}`, cookie: cookies[role], params: { lang: "en" } });
        expect(refused.status).toBe(403);
        if (action && body) {
          const refusedPost = await callRoute(action, database, { path: `/en/admin/${page}`, body, cookie: cookies[role], params: { lang: "en" } });
          expect(refusedPost.status).toBe(403);
        }
      }
      const allowed = await callRoute(loader, database, { path: `/en/admin/${page}`, cookie: cookies.secretariat, params: { lang: "en" } });
      expect(allowed.status).toBe(200);
    });
  }

  it("lists organisations waiting for verification first and verifies one (audited)", async () => {
    const signup = await callRoute(signupAction, database, { path: "/en/signup", body: {
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
        }, params: { lang: "en" } });
    expect(signup.status).toBe(302);
    const list = async (query = "") => {
      const response = await callRoute(organisationsLoader, database, { path: `/en/admin/organisations${query}`, cookie: cookies.secretariat, params: { lang: "en" } });
      return (await response.json()) as { organisations: { id: number; name: string; verifiedOn: string | null; country: string }[] };
    };
    const all = await list();
    expect(all.organisations[0]).toMatchObject({ name: "Accra Metropolitan Assembly", verifiedOn: null, country: "Ghana" });
    expect(all.organisations.length).toBeGreaterThan(50);
    const waiting = await list("?status=unverified");
    expect(waiting.organisations.map((o) => o.name)).toEqual(["Accra Metropolitan Assembly"]);

    const id = all.organisations[0].id;
    const verified = await callRoute(organisationsAction, database, { path: "/en/admin/organisations", body: { intent: "verify", id }, cookie: cookies.secretariat, params: { lang: "en" } });
    expect(verified.status).toBe(302);
    expect(verified.headers.get("Location")).toBe("/en/admin/organisations?notice=verify");
    expect((await list("?status=unverified")).organisations).toEqual([]);
    expect((await listAudit(database.db, "organisation", id)).map((e) => [e.action, e.actor_role])).toEqual([
      ["create", "city"],
      ["verify", "secretariat"],
    ]);
    const again = await callRoute(organisationsAction, database, { path: "/en/admin/organisations", body: { intent: "verify", id }, cookie: cookies.secretariat, params: { lang: "en" } });
    expect(again.headers.get("Location")).toBe("/en/admin/organisations?notice=stale");
  });

  it("shows pending join requests and approves or refuses them", async () => {
    const bogota = await database.db.selectFrom("users").select("organisation_id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    for (const [name, email] of [["Joiner One", "one@example.org"], ["Joiner Two", "two@example.org"]]) {
      const response = await callRoute(signupAction, database, { path: "/en/signup", body: { displayName: name, email, password: "harbor-quietly-sings-9", passwordConfirm: "harbor-quietly-sings-9", language: "en", mode: "join", organisationId: bogota.organisation_id! }, params: { lang: "en" } });
      expect(response.status).toBe(302);
    }
    const load = async () =>
      (await (await callRoute(organisationsLoader, database, { path: "/en/admin/organisations", cookie: cookies.secretariat, params: { lang: "en" } })).json()) as {
        requests: { id: number; name: string; email: string }[];
      };
    const { requests } = await load();
    expect(requests.map((r) => r.email)).toEqual(["one@example.org", "two@example.org"]);
    await callRoute(organisationsAction, database, { path: "/en/admin/organisations", body: { intent: "approve", id: requests[0].id }, cookie: cookies.secretariat, params: { lang: "en" } });
    await callRoute(organisationsAction, database, { path: "/en/admin/organisations", body: { intent: "refuse", id: requests[1].id }, cookie: cookies.secretariat, params: { lang: "en" } });
    expect((await load()).requests).toEqual([]);
    const users = await database.db.selectFrom("users").select(["email", "organisation_id"]).where("email", "in", ["one@example.org", "two@example.org"]).orderBy("email").execute();
    expect(users).toEqual([
      { email: "one@example.org", organisation_id: bogota.organisation_id },
      { email: "two@example.org", organisation_id: null },
    ]);
  });

  it("shows the outbox: recipient, subject, body, date and status", async () => {
    await queueMail(database.db, { to: "reader@example.org", subject: "Bonjour", text: "Corps du message\nligne 2", kind: "test", language: "fr" });
    const response = await callRoute(outboxLoader, database, { path: "/es/admin/outbox", cookie: cookies.secretariat, params: { lang: "es" } });
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
