import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { DEFAULT_INTERVAL_MONTHS } from "./calendar";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import type { Language } from "~/modules/i18n/config";
import { ConflictError } from "./progress.server";
import { refreshReportingState } from "./reporting-state.server";

/** A recognised HUB whose reporting cadence the secretariat may set, with its title in `language`; undefined otherwise. */
export async function findCadenceHub(db: Kysely<Database>, hubId: number, language: Language) {
  return db
    .selectFrom("hubs as h")
    .select(["h.id", "h.start_date", "h.end_date", hubTitleSql(language).as("title")])
    .where("h.id", "=", hubId)
    .where("h.status", "=", "recognised")
    .executeTakeFirst();
}

export async function getCadence(db: Kysely<Database>, hubId: number) {
  const row = await db.selectFrom("hub_report_schedules").select(["interval_months", "version"]).where("hub_id", "=", hubId).executeTakeFirst();
  return { intervalMonths: row?.interval_months ?? DEFAULT_INTERVAL_MONTHS, version: row?.version ?? 0 };
}

/** The secretariat sets a HUB's reporting cadence; `version` 0 means "no row yet". A stale version is a conflict. */
export async function setCadence(db: Kysely<Database>, { hubId, intervalMonths, version, user }: { hubId: number; intervalMonths: number; version: number; user: SessionUser }) {
  await db.transaction().execute(async (trx) => {
    if (version === 0) {
      const inserted = await trx
        .insertInto("hub_report_schedules")
        .values({ hub_id: hubId, interval_months: intervalMonths, updated_at: new Date(), updated_by: user.id })
        .onConflict((oc) => oc.column("hub_id").doNothing())
        .returning("hub_id")
        .executeTakeFirst();
      if (!inserted) throw new ConflictError();
    } else {
      const updated = await trx
        .updateTable("hub_report_schedules")
        .set((eb) => ({ interval_months: intervalMonths, version: eb("version", "+", 1), updated_at: new Date(), updated_by: user.id }))
        .where("hub_id", "=", hubId)
        .where("version", "=", version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError();
    }
    await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "set_report_cadence", comment: String(intervalMonths) });
    await refreshReportingState(trx, [hubId]);
  });
}
