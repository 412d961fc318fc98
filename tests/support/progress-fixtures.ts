import type { Kysely } from "kysely";
import type { Database, Language, UserRole } from "../../db/schema";

let counter = 0;

/** An organisation with one user of `role` (city users belong to it). */
export async function createUser(db: Kysely<Database>, { role, language = "en", organisationId }: { role: UserRole; language?: Language; organisationId?: number | null }) {
  counter += 1;
  const organisation =
    organisationId !== undefined
      ? organisationId
      : role === "city"
        ? (
            await db
              .insertInto("organisations")
              .values({ name: `Test city ${counter}`, kind: "local_government", country_code: "FR", region: "europe", city: `Ville ${counter}`, latitude: 45, longitude: 5 })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id
        : null;
  const user = await db
    .insertInto("users")
    .values({ email: `user${counter}-${Date.now()}@example.org`, password_hash: "x", display_name: `User ${counter}`, role, organisation_id: organisation, preferred_language: language })
    .returning(["id", "email", "organisation_id"])
    .executeTakeFirstOrThrow();
  return user;
}

/** A recognised HUB led by `organisationId`, with one numeric and one milestone outcome. */
export async function createHub(db: Kysely<Database>, { organisationId, startDate, endDate, language = "en" }: { organisationId: number; startDate: string; endDate: string; language?: Language }) {
  counter += 1;
  const hub = await db
    .insertInto("hubs")
    .values({
      slug: `test-hub-${counter}-${Date.now()}`,
      status: "recognised",
      lead_organisation_id: organisationId,
      original_language: language,
      latitude: 45,
      longitude: 5,
      start_date: startDate,
      end_date: endDate,
      updated_at: new Date(),
      recognised_at: new Date(`${startDate}T00:00:00Z`),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  await db.insertInto("hub_translations").values({ hub_id: hub.id, language, title: `Test HUB ${counter}`, summary: "A test HUB", updated_at: new Date() }).execute();
  await db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 11, is_primary: true }).execute();
  const outcomes = await db
    .insertInto("hub_outcomes")
    .values([
      { hub_id: hub.id, position: 0, statement: "Plant trees", indicator: "Trees planted", baseline: 0, target_value: 100, unit: "trees", milestone: null, due_date: endDate },
      { hub_id: hub.id, position: 1, statement: "Open the school", indicator: "School open", baseline: null, target_value: null, unit: null, milestone: "School open", due_date: endDate },
    ])
    .returning("id")
    .execute();
  return { ...hub, outcomeIds: outcomes.map((row) => row.id) };
}
