import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { HubStatus, Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { can, roleMay } from "~/modules/permissions/permissions";
import { isPublicStatus } from "~/modules/hubs/lifecycle";
import { recordAudit } from "~/modules/audit/audit.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_COLUMNS as COLUMN, TEXT_FIELDS, type TextField } from "./proposal-schema";
import { WorkflowError } from "~/modules/hubs/lifecycle.server";
import { displayStatusOf, isoToday, type PublicHubStatus } from "~/modules/hubs/lifecycle";

/** Translations of a HUB's texts: what is missing, and saving them (the secretariat on any HUB past the draft stage, a city on its own). */

/** HUBs (past the draft stage) with at least one text present in the original but missing in another language. */
export async function listMissingTranslations(db: DB, today: string = isoToday()) {
  const rows = await db
    .selectFrom("hubs as h")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .innerJoin("hub_translations as other", (join) => join.onRef("other.hub_id", "=", "h.id").onRef("other.language", "!=", "h.original_language"))
    .select([
      "h.id",
      "h.status",
      "h.start_date",
      "h.end_date",
      "h.original_language",
      "original.title as original_title",
      "other.language",
      ...TEXT_FIELDS.map((field) => sql<boolean>`original.${sql.ref(COLUMN[field])} is not null and other.${sql.ref(COLUMN[field])} is null`.as(field)),
    ])
    .where("h.status", "not in", ["draft", "withdrawn"])
    .orderBy("h.id")
    .orderBy("other.language")
    .execute();
  const byHub = new Map<number, { id: number; status: HubStatus | PublicHubStatus; title: string; originalLanguage: Language; missing: { language: Language; fields: TextField[] }[] }>();
  for (const row of rows) {
    const fields = TEXT_FIELDS.filter((field) => (row as unknown as Record<string, boolean>)[field]);
    if (!fields.length) continue;
    const entry = byHub.get(row.id) ?? { id: row.id, status: displayStatusOf({ status: row.status, startDate: row.start_date, endDate: row.end_date }, today), title: row.original_title ?? "", originalLanguage: row.original_language, missing: [] };
    entry.missing.push({ language: row.language, fields });
    byHub.set(row.id, entry);
  }
  return [...byHub.values()];
}

/** For each text field and language: present, or missing (to show "translation missing" beside it). */
export async function translationStatus(db: DB, hubId: number) {
  const rows = await db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute();
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const row = rows.find((r) => r.language === language);
      return [language, Object.fromEntries(TEXT_FIELDS.map((field) => [field, Boolean(row?.[COLUMN[field]])])) as Record<TextField, boolean>];
    }),
  ) as Record<Language, Record<TextField, boolean>>;
}

/**
 * Adds or corrects the translations (languages other than the original) without touching anything else:
 * the secretariat on any HUB past the draft stage (published at once, even on a public HUB), a city on
 * its own HUBs while they are not public. Version-checked and audited.
 */
export async function saveTranslations(
  db: DB,
  user: SessionUser,
  hubId: number,
  version: number,
  translations: Partial<Record<Language, Partial<Record<TextField, string | undefined>>>>,
) {
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["status", "version", "original_language", "lead_organisation_id"]).where("id", "=", hubId).forUpdate().executeTakeFirst();
    if (!hub) throw new WorkflowError("notFound");
    if (!can(user, "hub:read", hub)) throw new WorkflowError("notFound");
    if (!can(user, "hub:translate", hub)) throw new WorkflowError("notAllowed");
    if (user.role === "secretariat" && hub.status === "draft") throw new WorkflowError("wrongStatus");
    // The secretariat's translations publish at once; a city's texts of a public HUB go through a
    // change request (the proposal form), so they are never published from here.
    if (isPublicStatus(hub.status) && !roleMay(user, "review:decide")) throw new WorkflowError("notAllowed");
    if (hub.version !== version) throw new WorkflowError("conflict");
    const now = new Date();
    for (const language of SUPPORTED_LANGUAGES.filter((other) => other !== hub.original_language)) {
      const texts = translations[language] ?? {};
      const row = Object.fromEntries(TEXT_FIELDS.map((field) => [COLUMN[field], texts[field] || null]));
      await trx
        .insertInto("hub_translations")
        .values({ hub_id: hubId, language, ...row, updated_at: now })
        .onConflict((oc) => oc.columns(["hub_id", "language"]).doUpdateSet({ ...row, updated_at: now }))
        .execute();
    }
    await trx.updateTable("hubs").set((eb) => ({ version: eb("version", "+", 1), updated_at: now })).where("id", "=", hubId).execute();
    await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "translate" });
  });
}
