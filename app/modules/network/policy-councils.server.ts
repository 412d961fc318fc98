import { sql, type Expression } from "kysely";
import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Language } from "~/modules/i18n/config";
import { cachedPublic } from "~/modules/hubs/public-cache.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";

/**
 * UCLG's Policy Councils: a reference list kept by the secretariat (seeded by migration 150 with the
 * five councils), and the HUBs linked to them. The one place that picks a council's name column.
 */

export interface PolicyCouncil {
  id: number;
  slug: string;
  name: string;
}

export interface PolicyCouncilRow {
  id: number;
  slug: string;
  name_en: string;
  name_es: string;
  name_fr: string;
  position: number;
  version: number;
}

function councilName(language: Language, table = "pc") {
  return sql.ref<string>(`${table}.name_${language}`);
}

/** Every council with its three names, in the secretariat's order (the edit page). */
export function listPolicyCouncilRows(db: DB): Promise<PolicyCouncilRow[]> {
  return db
    .selectFrom("policy_councils")
    .select(["id", "slug", "name_en", "name_es", "name_fr", "position", "version"])
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** Every council named in `language`, in order (filters, checkboxes); public reference data, cached (`version`: the data version, when the caller read it). */
export function listPolicyCouncils(db: DB, language: Language, version?: number): Promise<PolicyCouncil[]> {
  return cachedPublic(
    db,
    `policy-councils:${language}`,
    () =>
      db
        .selectFrom("policy_councils as pc")
        .select(["pc.id", "pc.slug", councilName(language).as("name")])
        .orderBy("pc.position")
        .orderBy("pc.id")
        .execute(),
    version,
  );
}

/** The councils one HUB is linked to, named in `language`. */
export function listHubPolicyCouncils(db: DB, hubId: number, language: Language): Promise<PolicyCouncil[]> {
  return hubPolicyCouncils(db, hubId, language).execute();
}

/** The councils a HUB is filed under, in the secretariat's order: a query, or a subquery of one that reads more (`hubId` a reference). */
export function hubPolicyCouncils(db: DB, hubId: number | Expression<number>, language: Language) {
  return db
    .selectFrom("hub_policy_councils as hp")
    .innerJoin("policy_councils as pc", "pc.id", "hp.council_id")
    .where("hp.hub_id", "=", hubId)
    .select(["pc.id", "pc.slug", councilName(language).as("name")])
    .orderBy("pc.position")
    .orderBy("pc.id");
}

export interface PolicyCouncilInput {
  id: number;
  version: number;
  nameEn: string;
  nameEs: string;
  nameFr: string;
  position: number;
}

/** Renames or reorders a council, checking its version; "conflict" when someone saved it meanwhile. Audited. */
export async function updatePolicyCouncil(db: DB, actorUserId: number, input: PolicyCouncilInput): Promise<"saved" | "conflict" | "notFound"> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("policy_councils")
      .set({
        name_en: input.nameEn,
        name_es: input.nameEs,
        name_fr: input.nameFr,
        position: input.position,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where("id", "=", input.id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const exists = await trx.selectFrom("policy_councils").select("id").where("id", "=", input.id).executeTakeFirst();
      return exists ? "conflict" : "notFound";
    }
    await recordAudit(trx, { entity: "policy_council", entityId: input.id, actorUserId, action: "update" });
    return "saved";
  });
}

/** Replaces the councils a HUB is linked to (unknown ids are ignored). Audited with the HUB. */
export async function setHubPolicyCouncils(db: DB, actorUserId: number, hubId: number, councilIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const known = councilIds.length
      ? (await trx.selectFrom("policy_councils").select("id").where("id", "in", councilIds).execute()).map((row) => row.id)
      : [];
    await trx.deleteFrom("hub_policy_councils").where("hub_id", "=", hubId).execute();
    if (known.length) await trx.insertInto("hub_policy_councils").values(known.map((council_id) => ({ hub_id: hubId, council_id }))).execute();
    await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId, action: "policy_councils", comment: known.join(",") || null });
  });
}

/** A HUB as the council-link page needs it: any stored status (a proposal can be linked before recognition). */
export function findHubForCouncils(db: DB, hubId: number, language: Language) {
  return db
    .selectFrom("hubs as h")
    .select(["h.id", "h.slug", "h.status", hubTitleSql(language).as("title")])
    .where("h.id", "=", hubId)
    .executeTakeFirst();
}
