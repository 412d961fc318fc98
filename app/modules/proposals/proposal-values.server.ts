import type { DB } from "../../../db/index";
import type { Language } from "../../../db/schema";
import { formValuesOf, withRequestedChanges, type ProposalSnapshot } from "./proposal-snapshot";
import { storedSnapshot } from "./proposal-store.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import { listThemeNames } from "~/modules/hubs/themes.server";
import { listSdgTargets } from "~/modules/sdg/sdg.server";
import { proposalCallOptions } from "~/modules/calls/calls.server";

/** What the proposal form is filled with: a stored HUB's values, and the choices its fields offer. */

/**
 * The form's values for a stored HUB (strings/numbers/arrays as the fields want them): what is
 * published, or with `withPendingChanges` the version the city has asked to publish (its pending
 * change request laid over the published one), so a further save extends that request.
 */
export async function loadProposalValues(db: DB, hubId: number, { withPendingChanges = false } = {}) {
  const [hub, published, pending] = await Promise.all([
    db.selectFrom("hubs").select(["version", "call_id"]).where("id", "=", hubId).executeTakeFirstOrThrow(),
    storedSnapshot(db, hubId),
    withPendingChanges
      ? db.selectFrom("hub_change_requests").select(["baseline", "proposed"]).where("hub_id", "=", hubId).where("status", "=", "pending").executeTakeFirst()
      : undefined,
  ]);
  const snapshot = pending
    ? withRequestedChanges(published, JSON.parse(pending.baseline) as Partial<ProposalSnapshot>, JSON.parse(pending.proposed) as Partial<ProposalSnapshot>)
    : published;
  return { values: { ...formValuesOf(snapshot, hub.version), callId: hub.call_id === null ? undefined : String(hub.call_id) } };
}

/** Choices for the form: themes, organisations (other than the lead), SDG targets, recognised HUBs to synchronise with. */
export async function proposalFormOptions(db: DB, language: Language, excludeHubId?: number) {
  const [themes, organisations, targets, hubs, calls] = await Promise.all([
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
    // The calls the proposal may answer (app/modules/calls).
    proposalCallOptions(db, language, new Date(), excludeHubId),
  ]);
  return {
    themes: themes.map((row) => ({ id: row.id, name: row.name })),
    organisations: organisations.map((row) => ({ id: row.id, name: row.name, city: row.city, countryCode: row.country_code.trim() })),
    targets,
    hubs: hubs.map((row) => ({ id: row.id, title: row.title ?? "" })),
    calls,
  };
}
