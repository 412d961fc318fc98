import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/accounts/password.server";
import * as themesRoute from "~/routes/$lang.admin.themes";
import * as translationsRoute from "~/routes/$lang.admin.translations";
import * as myHubRoute from "~/routes/$lang.my.hubs.$hubId";
import * as myHubsRoute from "~/routes/$lang.my.hubs._index";
import * as newRoute from "~/routes/$lang.my.hubs.new";
import * as placesRoute from "~/routes/$lang.places";
import * as reviewRoute from "~/routes/$lang.review.$hubId";
import * as reviewQueueRoute from "~/routes/$lang.review._index";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { proposalFields } from "../support/proposals";
import { callRoute } from "../support/routes";
import { cookieFor, loginAsDemo } from "../support/sessions";

/**
 * Every proposal/review route, with every role: anonymous, city A, city B, council, secretariat.
 * Nobody sees or changes what they must not (docs/decisions/015-permissions.md): anonymous visitors go to the
 * login page, a role that may never use a page gets a 403, another city's HUB is a 404.
 */
type Role = "anonymous" | "cityA" | "cityB" | "council" | "secretariat";
const ROLES: Role[] = ["anonymous", "cityA", "cityB", "council", "secretariat"];

let database: TestDatabase;
const cookies: Partial<Record<Role, string>> = {};
let draftA: number;
let submittedA: number;

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
  cookies.cityA = await (await loginAsDemo(database, "city")).cookie;
  cookies.council = await (await loginAsDemo(database, "council")).cookie;
  cookies.secretariat = await (await loginAsDemo(database, "secretariat")).cookie;
  const organisation = await database.db
    .insertInto("organisations")
    .values({ name: "Quito", kind: "local_government", country_code: "EC", region: "latin_america", city: "Quito", latitude: -0.22, longitude: -78.51, verified_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const userB = await database.db
    .insertInto("users")
    .values({ email: "quito@example.org", password_hash: await hashPassword("city-b-password-2030"), display_name: "Quito rep", role: "city", organisation_id: organisation.id, preferred_language: "es" })
    .returning("id")
    .executeTakeFirstOrThrow();
  cookies.cityB = await cookieFor(database, userB.id);

  const create = async (intent: string) => {
    const response = await callRoute(newRoute.action, database, {
      path: "/en/my/hubs/new",
      method: "POST",
      body: proposalFields({ intent, themeId: String((await database.db.selectFrom("themes").select("id").executeTakeFirstOrThrow()).id) }),
      cookie: cookies.cityA,
      params: { lang: "en" },
    });
    expect(response.status).toBe(302);
    return Number(/hubs\/(\d+)/.exec(response.headers.get("Location")!)![1]);
  };
  draftA = await create("save");
  submittedA = await create("submit");
});
afterAll(() => database?.destroy());

function expectOutcome(response: Response, outcome: "ok" | "login" | "403" | "404", label: string) {
  if (outcome === "ok") expect(response.status, label).toBe(200);
  if (outcome === "403") expect(response.status, label).toBe(403);
  if (outcome === "404") expect(response.status, label).toBe(404);
  if (outcome === "login") {
    expect(response.status, label).toBe(302);
    expect(response.headers.get("Location"), label).toMatch(/^\/en\/login\?redirectTo=/);
  }
}

describe("every page loader with every role", () => {
  // `hidden`: roles that may use the page but must not find this HUB (404).
  const pages: { name: string; loader: (args: any) => Promise<unknown>; path: () => string; params: () => Record<string, string>; allowed: Role[]; hidden?: Role[] }[] = [
    { name: "my proposals", loader: myHubsRoute.loader, path: () => "/en/my/hubs", params: () => ({ lang: "en" }), allowed: ["cityA", "cityB"] },
    { name: "new proposal", loader: newRoute.loader, path: () => "/en/my/hubs/new", params: () => ({ lang: "en" }), allowed: ["cityA", "cityB"] },
    { name: "city A's draft", loader: myHubRoute.loader, path: () => `/en/my/hubs/${draftA}`, params: () => ({ lang: "en", hubId: String(draftA) }), allowed: ["cityA"], hidden: ["cityB"] },
    { name: "city A's submitted proposal", loader: myHubRoute.loader, path: () => `/en/my/hubs/${submittedA}`, params: () => ({ lang: "en", hubId: String(submittedA) }), allowed: ["cityA"], hidden: ["cityB"] },
    { name: "review queue", loader: reviewQueueRoute.loader, path: () => "/en/review", params: () => ({ lang: "en" }), allowed: ["council", "secretariat"] },
    { name: "review of A's proposal", loader: reviewRoute.loader, path: () => `/en/review/${submittedA}`, params: () => ({ lang: "en", hubId: String(submittedA) }), allowed: ["council", "secretariat"] },
    { name: "themes", loader: themesRoute.loader, path: () => "/en/admin/themes", params: () => ({ lang: "en" }), allowed: ["secretariat"] },
    { name: "missing translations", loader: translationsRoute.loader, path: () => "/en/admin/translations", params: () => ({ lang: "en" }), allowed: ["secretariat"] },
    { name: "place look-up", loader: placesRoute.loader, path: () => "/en/places?q=lima", params: () => ({ lang: "en" }), allowed: ["cityA", "cityB", "council", "secretariat"] },
  ];
  for (const page of pages) {
    for (const role of ROLES) {
      const outcome = role === "anonymous" ? "login" : page.allowed.includes(role) ? "ok" : page.hidden?.includes(role) ? "404" : "403";
      it(`${page.name} as ${role}: ${outcome}`, async () => {
        const response = await callRoute(page.loader, database, { path: page.path(), cookie: cookies[role], params: page.params() });
        expectOutcome(response, outcome, `${page.name} / ${role}`);
      });
    }
  }

  it("lists only the city's own proposals; the review queue lists submitted ones and not drafts", async () => {
    const a = (await (await callRoute(myHubsRoute.loader, database, { path: "/en/my/hubs", cookie: cookies.cityA, params: { lang: "en" } })).json()) as { proposals: { id: number }[] };
    const b = (await (await callRoute(myHubsRoute.loader, database, { path: "/en/my/hubs", cookie: cookies.cityB, params: { lang: "en" } })).json()) as { proposals: { id: number }[] };
    expect(a.proposals.map((p) => p.id)).toEqual(expect.arrayContaining([draftA, submittedA]));
    expect(b.proposals).toEqual([]);
    const queue = (await (await callRoute(reviewQueueRoute.loader, database, { path: "/en/review", cookie: cookies.council, params: { lang: "en" } })).json()) as { proposals: { id: number }[] };
    expect(queue.proposals.map((p) => p.id)).toContain(submittedA);
    expect(queue.proposals.map((p) => p.id)).not.toContain(draftA);
  });

  it("answers 404 to a nonsense or huge HUB id", async () => {
    for (const hubId of ["abc", "0", "-1", "99999999999999", "999999"]) {
      const response = await callRoute(myHubRoute.loader, database, { path: `/en/my/hubs/${hubId}`, cookie: cookies.cityA, params: { lang: "en", hubId } });
      expect(response.status, hubId).toBe(404);
    }
  });
});

describe("every action with every role", () => {
  async function titleOf(hubId: number) {
    return (await database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "es").executeTakeFirstOrThrow()).title;
  }
  async function statusOf(hubId: number) {
    return (await database.db.selectFrom("hubs").select(["status", "version"]).where("id", "=", hubId).executeTakeFirstOrThrow());
  }

  for (const role of ROLES) {
    // (The owner's own saves, submits and withdrawals are tested in proposals.test.ts.)
    if (role !== "cityA") it(`${role} editing, submitting or withdrawing city A's draft`, async () => {
      const before = await statusOf(draftA);
      for (const intent of ["save", "submit", "withdraw"]) {
        const response = await callRoute(myHubRoute.action, database, {
          path: `/en/my/hubs/${draftA}`,
          method: "POST",
          body: proposalFields({ intent, version: String(before.version), title: `Changed by ${role}` }),
          cookie: cookies[role],
          params: { lang: "en", hubId: String(draftA) },
        });
        expectOutcome(response, role === "anonymous" ? "login" : role === "cityB" ? "404" : "403", `${role} ${intent}`);
      }
      expect(await titleOf(draftA)).toBe("Movilidad limpia en los barrios");
      expect(await statusOf(draftA)).toEqual(before);
    });

    it(`${role} reviewing or deciding city A's submitted proposal`, async () => {
      const attempts = [
        { intent: "review", recommendation: "recognise", comment: "ok" },
        { intent: "decide", decision: "decline", message: "no" },
      ];
      for (const fields of attempts) {
        const body = new FormData();
        for (const [key, value] of Object.entries(fields)) body.append(key, value);
        const response = await callRoute(reviewRoute.action, database, {
          path: `/en/review/${submittedA}`,
          method: "POST",
          body,
          cookie: cookies[role],
          params: { lang: "en", hubId: String(submittedA) },
        });
        const allowed = (fields.intent === "review" && role === "council") || (fields.intent === "decide" && role === "secretariat");
        if (allowed) {
          expect(response.status, `${role} ${fields.intent}`).toBe(302);
        } else {
          expectOutcome(response, role === "anonymous" ? "login" : "403", `${role} ${fields.intent}`);
        }
      }
    });

    it(`${role} editing a theme`, async () => {
      const theme = await database.db.selectFrom("themes").selectAll().orderBy("id").executeTakeFirstOrThrow();
      const body = new FormData();
      for (const [key, value] of Object.entries({ id: String(theme.id), slug: theme.slug, nameEn: `Renamed by ${role}`, nameEs: theme.name_es, nameFr: theme.name_fr, position: "0" })) body.append(key, value);
      const response = await callRoute(themesRoute.action, database, { path: "/en/admin/themes", method: "POST", body, cookie: cookies[role], params: { lang: "en" } });
      const after = await database.db.selectFrom("themes").select("name_en").where("id", "=", theme.id).executeTakeFirstOrThrow();
      if (role === "secretariat") {
        expect(response.status).toBe(302);
        expect(after.name_en).toBe("Renamed by secretariat");
      } else {
        expectOutcome(response, role === "anonymous" ? "login" : "403", role);
        expect(after.name_en).not.toBe(`Renamed by ${role}`);
      }
    });
  }

  it("the decision by the secretariat above declined A's proposal (and only it)", async () => {
    expect((await statusOf(submittedA)).status).toBe("declined");
    expect((await statusOf(draftA)).status).toBe("draft");
  });
});
