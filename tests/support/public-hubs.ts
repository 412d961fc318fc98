import { listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { parseHubFilters } from "~/modules/hubs/hub-filters";
import type { TestDatabase } from "./database";

export async function allSlugs(database: TestDatabase, today: string, filters: Record<string, string>, language: "en" | "es" | "fr" = "en") {
  const page = await listPublicHubs(database.db, { language, today, filters: parseHubFilters(new URLSearchParams(filters)), pageSize: 500 });
  return { slugs: page.hubs.map((hub) => hub.slug), total: page.total };
}

/** A recognised HUB (or another status) with its texts, for tests that need one of their own. */
export async function insertHub(database: TestDatabase, slug: string, options: { status?: string; title?: string; summary?: string; language?: "en" | "es" | "fr"; goal?: number; startDate?: string } = {}) {
  const organisation = await database.db.selectFrom("organisations").select("id").orderBy("id").executeTakeFirstOrThrow();
  const hub = await database.db
    .insertInto("hubs")
    .values({
      slug,
      status: (options.status ?? "recognised") as "recognised",
      lead_organisation_id: organisation.id,
      original_language: options.language ?? "en",
      latitude: 10,
      longitude: 20,
      start_date: options.startDate ?? "2026-01-01",
      end_date: options.startDate && options.startDate >= "2027-12-31" ? `${Number(options.startDate.slice(0, 4)) + 2}-12-31` : "2027-12-31",
      contact_email: "secret-contact@example.org",
      updated_at: new Date(),
      recognised_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto("hub_translations")
    .values({
      hub_id: hub.id,
      language: options.language ?? "en",
      title: options.title ?? `Title of ${slug}`,
      summary: options.summary ?? "A summary.",
      description: "A description.",
      updated_at: new Date(),
    })
    .execute();
  await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: options.goal ?? 6, is_primary: true }).execute();
  return hub.id;
}
