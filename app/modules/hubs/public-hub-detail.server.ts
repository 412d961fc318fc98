import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import { reusableStatement } from "../../../db/reusable-statement";
import type { WorldRegion } from "../../../db/schema";
import type { Language } from "~/modules/i18n/config";
import { pickText } from "~/modules/i18n/text-fallback";
import { hubText, hubTextLanguage, joinHubTexts } from "./hub-texts.server";
import { PUBLIC_STORED_STATUSES, publicStatusOf, type PublicHubStatus } from "./lifecycle";
import { themeNameColumn } from "./themes.server";
import { targetTitleColumn } from "~/modules/sdg/sdg.server";

// One HUB, every public field

import { linkedHubIdsSql } from "~/modules/network/synchronisation.server";

export interface PublicHubTexts {
  title: string;
  summary: string;
  description: string;
  localGlobalLink: string | null;
  acceleration: string | null;
  synchronisation: string | null;
}

export interface PublicHubDetail {
  /** Internal: for joining other modules' data in loaders. Never published (the open data leaves it out). */
  id: number;
  slug: string;
  status: PublicHubStatus;
  originalLanguage: Language;
  /** For each text field, the language it is shown in (the page's, or the original when untranslated). */
  textLanguages: Record<keyof PublicHubTexts, Language>;
  texts: PublicHubTexts;
  availableLanguages: Language[];
  theme: { slug: string; name: string } | null;
  latitude: number;
  longitude: number;
  startDate: string;
  endDate: string;
  website: string | null;
  recognisedAt: string | null;
  updatedAt: string;
  lead: { name: string; city: string; countryCode: string; region: WorldRegion; latitude: number; longitude: number };
  participants: { name: string; city: string; countryCode: string; latitude: number; longitude: number }[];
  goals: { number: number; isPrimary: boolean }[];
  targets: { id: string; goal: number; title: string }[];
  outcomes: {
    /** Internal, like `id`. */
    id: number;
    position: number;
    statement: string;
    indicator: string;
    baseline: number | null;
    targetValue: number | null;
    unit: string | null;
    milestone: string | null;
    dueDate: string;
  }[];
  partners: string[];
  synchronisedWith: { slug: string; title: string; textLanguage: Language; city: string; countryCode: string }[];
}

const TEXT_FIELDS = ["title", "summary", "description", "local_global_link", "acceleration", "synchronisation"] as const;
const TEXT_KEYS: Record<(typeof TEXT_FIELDS)[number], keyof PublicHubTexts> = {
  title: "title",
  summary: "summary",
  description: "description",
  local_global_link: "localGlobalLink",
  acceleration: "acceleration",
  synchronisation: "synchronisation",
};

/**
 * A public HUB by slug with every public field, its lists as JSON arrays ordered by their subqueries
 * (a page view used to cost eight round trips here). The HUB page's statement nests more parts in it
 * (hub-page/hub-page.server.ts); `presentPublicHub` turns its row into a `PublicHubDetail`.
 */
export function publicHubQuery(db: DB, slug: string, language: Language) {
  return db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .leftJoin("themes as th", "th.id", "h.theme_id")
    .where("h.slug", "=", slug)
    .where("h.status", "in", PUBLIC_STORED_STATUSES)
    .select((eb) => [
      "h.id",
      "h.slug",
      "h.status",
      "h.original_language",
      "h.latitude",
      "h.longitude",
      "h.start_date",
      "h.end_date",
      "h.website",
      "h.recognised_at",
      "h.updated_at",
      "o.name as lead_name",
      "o.city as lead_city",
      "o.country_code as lead_country",
      "o.region as lead_region",
      "o.latitude as lead_latitude",
      "o.longitude as lead_longitude",
      "th.slug as theme_slug",
      themeNameColumn(language).as("theme_name"),
      jsonArrayFrom(eb.selectFrom("hub_translations as tr").select(["tr.language", ...TEXT_FIELDS.map((field) => `tr.${field}` as const)]).whereRef("tr.hub_id", "=", "h.id")).as(
        "translations",
      ),
      jsonArrayFrom(
        eb.selectFrom("hub_goals as g").select(["g.goal", "g.is_primary"]).whereRef("g.hub_id", "=", "h.id").orderBy("g.is_primary", "desc").orderBy("g.goal"),
      ).as("goals"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_targets as ht")
          .innerJoin("sdg_targets as st", "st.id", "ht.target_id")
          .whereRef("ht.hub_id", "=", "h.id")
          .select(["st.id", "st.goal", targetTitleColumn(language).as("title")])
          .orderBy("st.goal")
          .orderBy("st.position"),
      ).as("targets"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_outcomes as ho")
          .select(["ho.id", "ho.position", "ho.statement", "ho.indicator", "ho.baseline", "ho.target_value", "ho.unit", "ho.milestone", "ho.due_date"])
          .whereRef("ho.hub_id", "=", "h.id")
          .orderBy("ho.position"),
      ).as("outcomes"),
      jsonArrayFrom(eb.selectFrom("hub_partners as hp").select("hp.name").whereRef("hp.hub_id", "=", "h.id").orderBy("hp.position")).as("partners"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_participants as p")
          .innerJoin("organisations as po", "po.id", "p.organisation_id")
          .whereRef("p.hub_id", "=", "h.id")
          .select(["po.name", "po.city", "po.country_code", "po.latitude", "po.longitude"])
          .orderBy("po.name"),
      ).as("participants"),
      // Linked both ways: an accepted synchronisation request, whichever HUB asked (the network module).
      jsonArrayFrom(
        joinHubTexts(eb.selectFrom("hubs as s").innerJoin("organisations as so", "so.id", "s.lead_organisation_id"), language, "s")
          .where("s.status", "in", PUBLIC_STORED_STATUSES)
          .where("s.id", "in", linkedHubIdsSql(eb.ref("h.id")))
          .select(["s.slug", "s.original_language", "so.city", "so.country_code", hubText("title").as("title"), hubTextLanguage(language, ["title"], "s").as("text_language")])
          .orderBy("s.slug"),
      ).as("synchronised"),
    ]);
}

export type PublicHubRow = Awaited<ReturnType<ReturnType<typeof publicHubQuery>["execute"]>>[number];

// Built and compiled once per language (db/reusable-statement.ts).
const publicHubStatement = reusableStatement("public HUB", (db: DB, { slug }: { slug: string }, language: Language) => publicHubQuery(db, slug, language));

/** A public HUB by slug, or null when there is none (or it is not public: drafts and the like are a 404). */
export async function getPublicHub(db: DB, { slug, language, today }: { slug: string; language: Language; today: string }): Promise<PublicHubDetail | null> {
  const [hub] = await publicHubStatement.execute(db, { slug }, language);
  return hub ? presentPublicHub(hub, language, today) : null;
}

/** A row of `publicHubQuery` as the public sees the HUB on `today`, each text in `language` or its fallback. */
export function presentPublicHub(hub: PublicHubRow, language: Language, today: string): PublicHubDetail {
  const { translations, goals, targets, outcomes, partners, participants, synchronised } = hub;

  const texts = {} as Record<keyof PublicHubTexts, string | null>;
  const textLanguages = {} as Record<keyof PublicHubTexts, Language>;
  for (const field of TEXT_FIELDS) {
    const key = TEXT_KEYS[field];
    const picked = pickText(translations, field, language, hub.original_language);
    texts[key] = picked?.text ?? null;
    textLanguages[key] = picked?.language ?? hub.original_language;
  }

  return {
    id: hub.id,
    slug: hub.slug,
    status: publicStatusOf({ status: hub.status, startDate: hub.start_date, endDate: hub.end_date }, today)!,
    originalLanguage: hub.original_language,
    textLanguages,
    texts: { ...texts, title: texts.title ?? hub.slug, summary: texts.summary ?? "", description: texts.description ?? "" },
    availableLanguages: translations.filter((row) => row.title !== null).map((row) => row.language),
    theme: hub.theme_slug ? { slug: hub.theme_slug, name: hub.theme_name as string } : null,
    latitude: hub.latitude,
    longitude: hub.longitude,
    startDate: hub.start_date,
    endDate: hub.end_date,
    website: hub.website,
    recognisedAt: hub.recognised_at ? new Date(hub.recognised_at).toISOString() : null,
    updatedAt: new Date(hub.updated_at).toISOString(),
    lead: {
      name: hub.lead_name,
      city: hub.lead_city,
      countryCode: hub.lead_country.trim(),
      region: hub.lead_region,
      latitude: hub.lead_latitude,
      longitude: hub.lead_longitude,
    },
    participants: participants.map((row) => ({
      name: row.name,
      city: row.city,
      countryCode: row.country_code.trim(),
      latitude: row.latitude,
      longitude: row.longitude,
    })),
    goals: goals.map((row) => ({ number: row.goal, isPrimary: row.is_primary })),
    targets: targets.map((row) => ({ id: row.id, goal: row.goal, title: row.title })),
    outcomes: outcomes.map((row) => ({
      id: row.id,
      position: row.position,
      statement: row.statement,
      indicator: row.indicator,
      baseline: row.baseline,
      targetValue: row.target_value,
      unit: row.unit,
      milestone: row.milestone,
      dueDate: row.due_date,
    })),
    partners: partners.map((row) => row.name),
    synchronisedWith: synchronised.map((row) => ({
      slug: row.slug,
      title: row.title,
      textLanguage: row.text_language,
      city: row.city,
      countryCode: row.country_code.trim(),
    })),
  };
}
