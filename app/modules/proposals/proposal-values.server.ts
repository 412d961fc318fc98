import type { DB } from "../../../db/index";
import type { Language } from "../../../db/schema";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_COLUMNS as COLUMN, TEXT_FIELDS, type ProposalInput, type TextField } from "./proposal-schema";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import { listThemeNames } from "~/modules/hubs/themes.server";
import { listSdgTargets } from "~/modules/sdg/sdg.server";

/** What the proposal form is filled with: a stored HUB's values, and the choices its fields offer. */

/** The form's values for a stored HUB (strings/numbers/arrays as the fields want them). */
export async function loadProposalValues(db: DB, hubId: number) {
  const [hub, translations, goals, targets, participants, outcomes, partners, syncs, events, documents] = await Promise.all([
    db.selectFrom("hubs").selectAll().where("id", "=", hubId).executeTakeFirstOrThrow(),
    db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_goals").select(["goal", "is_primary"]).where("hub_id", "=", hubId).orderBy("goal").execute(),
    db.selectFrom("hub_targets").select("target_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_participants").select("organisation_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_outcomes").selectAll().where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_partners").select("name").where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_synchronisations").select("other_hub_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_events").select(["name", "event_date"]).where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_documents").select(["title", "url"]).where("hub_id", "=", hubId).orderBy("position").execute(),
  ]);
  const original = translations.find((row) => row.language === hub.original_language);
  const texts = (row: (typeof translations)[number] | undefined) =>
    Object.fromEntries(TEXT_FIELDS.map((field) => [field, row?.[COLUMN[field]] ?? undefined])) as Record<TextField, string | undefined>;
  const translationValues = Object.fromEntries(
    SUPPORTED_LANGUAGES.filter((language) => language !== hub.original_language).map((language) => [
      language,
      texts(translations.find((row) => row.language === language)),
    ]),
  );
  return {
    hub,
    values: {
      version: hub.version,
      originalLanguage: hub.original_language,
      ...texts(original),
      translations: translationValues,
      themeId: hub.theme_id ?? undefined,
      latitude: hub.latitude,
      longitude: hub.longitude,
      participants: participants.map((row) => row.organisation_id),
      goals: goals.map((row) => row.goal),
      primaryGoal: goals.find((row) => row.is_primary)?.goal,
      targets: targets.map((row) => row.target_id),
      startDate: hub.start_date,
      endDate: hub.end_date,
      outcomes: outcomes.map((row) => ({
        statement: row.statement,
        indicator: row.indicator,
        baseline: row.baseline ?? undefined,
        targetValue: row.target_value ?? undefined,
        unit: row.unit ?? undefined,
        milestone: row.milestone ?? undefined,
        dueDate: row.due_date,
      })),
      partners: partners.map((row) => ({ name: row.name })),
      synchronisedHubs: syncs.map((row) => row.other_hub_id),
      channels: hub.communication_channels ?? undefined,
      events: events.map((row) => ({ name: row.name, date: row.event_date })),
      documents: documents.map((row) => ({ title: row.title, url: row.url })),
      contactEmail: hub.contact_email ?? undefined,
      website: hub.website ?? undefined,
    } satisfies Partial<ProposalInput>,
  };
}

/** Choices for the form: themes, organisations (other than the lead), SDG targets, recognised HUBs to synchronise with. */
export async function proposalFormOptions(db: DB, language: Language, excludeHubId?: number) {
  const [themes, organisations, targets, hubs] = await Promise.all([
    listThemeNames(db, language),
    db.selectFrom("organisations").select(["id", "name", "city", "country_code"]).orderBy("name").execute(),
    listSdgTargets(db, language),
    db
      .selectFrom("hubs as h")
      .innerJoin("hub_translations as t", (join) => join.onRef("t.hub_id", "=", "h.id").onRef("t.language", "=", "h.original_language"))
      .select(["h.id", "t.title"])
      .where(isPublicHubSql())
      .where("h.id", "!=", excludeHubId ?? 0)
      .orderBy("t.title")
      .execute(),
  ]);
  return {
    themes: themes.map((row) => ({ id: row.id, name: row.name })),
    organisations: organisations.map((row) => ({ id: row.id, name: row.name, city: row.city, countryCode: row.country_code.trim() })),
    targets,
    hubs: hubs.map((row) => ({ id: row.id, title: row.title ?? "" })),
  };
}
