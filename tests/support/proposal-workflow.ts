import { beforeAll, afterAll, expect } from "vitest";
import { hashPassword } from "~/modules/accounts/password.server";
import { toSessionUser, type SessionUser } from "~/modules/accounts/session.server";
import * as editRoute from "~/routes/$lang.my.hubs.$hubId";
import * as newRoute from "~/routes/$lang.my.hubs.new";
import * as reviewRoute from "~/routes/$lang.review.$hubId";
import { createTestDatabase, type TestDatabase } from "./database";
import { proposalFields } from "./proposals";
import { callRoute } from "./routes";
import { cookieFor } from "./sessions";

export type WorkflowUser = SessionUser & { cookie: string };

/**
 * The proposal workflow's test set-up, shared by the files that drive its pages: a database with
 * the demo data, the demo city (cityA), council and secretariat, a second verified city (cityB)
 * and an unverified one, each signed in; and the form posts a person would make.
 */
export function useProposalWorkflow() {
  const kit = {
    database: undefined as unknown as TestDatabase,
    users: {} as Record<"cityA" | "cityB" | "cityUnverified" | "council" | "secretariat", WorkflowUser>,
    themeId: 0,
    sessionUser,
    hubCount,
    createDraft,
    editLoader,
    postEdit,
    postReview,
    version,
  };

  async function sessionUser(id: number): Promise<WorkflowUser> {
    const row = await kit.database.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return {
      ...toSessionUser(row),
      cookie: await cookieFor(kit.database, row.id),
    };
  }

  async function createCity(name: string, email: string, verified: boolean) {
    const organisation = await kit.database.db
      .insertInto("organisations")
      .values({ name, kind: "local_government", country_code: "PE", region: "latin_america", city: name, latitude: -12.05, longitude: -77.04, verified_at: verified ? new Date() : null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = await kit.database.db
      .insertInto("users")
      .values({ email, password_hash: await hashPassword("another-city-2030"), display_name: `${name} rep`, role: "city", organisation_id: organisation.id, preferred_language: "fr" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return user.id;
  }

  beforeAll(async () => {
    kit.database = await createTestDatabase({ seedDemo: true });
    const byEmail = async (email: string) => (await kit.database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    kit.users.cityA = await sessionUser(await byEmail("city@demo.l4a.test"));
    kit.users.council = await sessionUser(await byEmail("council@demo.l4a.test"));
    kit.users.secretariat = await sessionUser(await byEmail("secretariat@demo.l4a.test"));
    kit.users.cityB = await sessionUser(await createCity("Lima", "lima@example.org", true));
    kit.users.cityUnverified = await sessionUser(await createCity("Cusco", "cusco@example.org", false));
    kit.themeId = (await kit.database.db.selectFrom("themes").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => kit.database?.destroy());

  async function hubCount() {
    return Number((await kit.database.db.selectFrom("hubs").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  }

  async function createDraft(who: WorkflowUser, overrides: Record<string, string | string[] | undefined> = {}) {
    const response = await callRoute(newRoute.action, kit.database, {
      path: "/es/my/hubs/new",
      method: "POST",
      body: proposalFields({ themeId: String(kit.themeId), ...overrides }),
      cookie: who.cookie,
      params: { lang: "es" },
    });
    expect(response.status, await response.clone().text()).toBe(302);
    const match = /\/es\/my\/hubs\/(\d+)\?/.exec(response.headers.get("Location") ?? "");
    return Number(match![1]);
  }

  async function editLoader(who: WorkflowUser, hubId: number, lang = "es") {
    return callRoute(editRoute.loader, kit.database, { path: `/${lang}/my/hubs/${hubId}`, cookie: who.cookie, params: { lang, hubId: String(hubId) } });
  }

  async function postEdit(who: WorkflowUser, hubId: number, fields: Record<string, string | string[] | undefined>) {
    return callRoute(editRoute.action, kit.database, {
      path: `/es/my/hubs/${hubId}`,
      method: "POST",
      body: proposalFields({ themeId: String(kit.themeId), ...fields }),
      cookie: who.cookie,
      params: { lang: "es", hubId: String(hubId) },
    });
  }

  async function postReview(who: WorkflowUser, hubId: number, fields: Record<string, string>, lang = "fr") {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    return callRoute(reviewRoute.action, kit.database, { path: `/${lang}/review/${hubId}`, method: "POST", body, cookie: who.cookie, params: { lang, hubId: String(hubId) } });
  }

  async function version(hubId: number) {
    return (await kit.database.db.selectFrom("hubs").select(["version", "status"]).where("id", "=", hubId).executeTakeFirstOrThrow());
  }

  return kit;
}
