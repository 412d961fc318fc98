import type { Kysely } from "kysely";
import type { Database, Language } from "../../db/schema";

let counter = 0;

/**
 * A published call open at the test's clock (opened a week ago, closing in `closesInDays`), with
 * `criteria` criteria in English and French: for tests that start where the secretariat's pages end.
 */
export async function createOpenCall(db: Kysely<Database>, { criteria = 2, closesInDays = 30, slug }: { criteria?: number; closesInDays?: number; slug?: string } = {}) {
  counter += 1;
  const now = Date.now();
  const call = await db
    .insertInto("calls")
    .values({
      slug: slug ?? `test-call-${counter}`,
      original_language: "en",
      published: true,
      opens_at: new Date(now - 7 * 86_400_000),
      closes_at: new Date(now + closesInDays * 86_400_000),
      updated_at: new Date(now),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("call_translations").values({ call_id: call.id, language: "en", title: `Test call ${counter}`, summary: "A call for tests.", body: "The call's text." }).execute();
  const rows = await db
    .insertInto("call_criteria")
    .values(Array.from({ length: criteria }, (_, position) => ({ call_id: call.id, position, title_en: `Criterion ${position + 1}`, title_fr: `Critère ${position + 1}` })))
    .returning("id")
    .execute();
  return { callId: call.id, criteria: rows.map((row) => row.id) };
}

/** A verified city with a representative (in `language`) and a proposal submitted to `callId`. */
export async function submittedProposal(db: Kysely<Database>, callId: number, { city, country, language = "es" }: { city: string; country: string; language?: Language }) {
  counter += 1;
  const organisation = await db
    .insertInto("organisations")
    .values({ name: `Municipalidad de ${city}`, kind: "local_government", country_code: country, region: "latin_america", city, latitude: -10, longitude: -70, verified_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({ email: `rep-${counter}-${city.toLowerCase()}@example.org`, password_hash: "x", display_name: `${city} rep`, role: "city", organisation_id: organisation.id, preferred_language: language })
    .returning("id")
    .executeTakeFirstOrThrow();
  const hub = await db
    .insertInto("hubs")
    .values({
      slug: `proposal-${city.toLowerCase()}-${counter}`,
      status: "submitted",
      lead_organisation_id: organisation.id,
      original_language: "en",
      latitude: -10,
      longitude: -70,
      start_date: "2027-06-01",
      end_date: "2029-05-31",
      updated_at: new Date(),
      submitted_at: new Date(),
      call_id: callId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("hub_translations").values({ hub_id: hub.id, language: "en", title: `Proposal ${city}`, summary: "A proposal.", updated_at: new Date() }).execute();
  await db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 11, is_primary: true }).execute();
  return { hubId: hub.id, organisationId: organisation.id, userId: user.id };
}
