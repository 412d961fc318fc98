import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { PUBLIC_STORED_STATUSES, publicStatusOf, type PublicHubStatus } from "./status";

export interface PublicHubSummary {
  slug: string;
  title: string;
  /** The language `title` and `summary` are in: the page's, or the original when the translation is missing. */
  textLanguage: Language;
  summary: string;
  city: string;
  countryCode: string;
  status: PublicHubStatus;
  startDate: string;
  endDate: string;
  latitude: number;
  longitude: number;
  goals: { number: number; isPrimary: boolean }[];
}

/** Recognised, active and completed HUBs, newest first, texts in `language` where translated. */
export async function listPublicHubs(db: DB, { language, today }: { language: Language; today: string }): Promise<PublicHubSummary[]> {
  const rows = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .leftJoin("hub_translations as translated", (join) =>
      join.onRef("translated.hub_id", "=", "h.id").on("translated.language", "=", language),
    )
    .where("h.status", "in", PUBLIC_STORED_STATUSES)
    .select((eb) => [
      "h.slug",
      "h.status",
      "h.original_language",
      "h.start_date",
      "h.end_date",
      "h.latitude",
      "h.longitude",
      "o.city",
      "o.country_code",
      sql<string>`coalesce(translated.title, original.title)`.as("title"),
      sql<string>`coalesce(translated.summary, original.summary)`.as("summary"),
      sql<boolean>`translated.title is not null and translated.summary is not null`.as("translated"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_goals as g")
          .select(["g.goal as number", "g.is_primary as isPrimary"])
          .whereRef("g.hub_id", "=", "h.id")
          .orderBy("g.is_primary", "desc")
          .orderBy("g.goal"),
      ).as("goals"),
    ])
    .orderBy("h.recognised_at", "desc")
    .orderBy("h.id", "desc")
    .execute();

  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    textLanguage: row.translated ? language : row.original_language,
    city: row.city,
    countryCode: row.country_code.trim(),
    status: publicStatusOf(row.status, row.start_date, today)!,
    startDate: row.start_date,
    endDate: row.end_date,
    latitude: row.latitude,
    longitude: row.longitude,
    goals: row.goals,
  }));
}
