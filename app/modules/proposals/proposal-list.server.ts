import type { DB } from "../../../db/index";
import type { HubStatus, Language } from "../../../db/schema";
import { hubText, hubTextLanguage, joinHubTexts } from "~/modules/hubs/hub-texts.server";
import { displayStatusOf, isoToday } from "~/modules/hubs/lifecycle";

/** The proposal lists of the city's and the reviewers' pages. */

/** Proposals with their title in `language` (or the original), lead organisation and latest message. */
export async function listProposals(
  db: DB,
  language: Language,
  filter: { organisationId?: number; statuses?: HubStatus[] },
  today: string = isoToday(),
) {
  let query = joinHubTexts(db.selectFrom("hubs as h").innerJoin("organisations as o", "o.id", "h.lead_organisation_id"), language)
    .select([
      "h.id",
      "h.status",
      "h.original_language",
      "h.start_date",
      "h.end_date",
      "h.submitted_at",
      "h.updated_at",
      "o.name as organisation",
      hubText("title").as("title"),
      hubTextLanguage(language).as("text_language"),
      (eb) =>
        eb
          .selectFrom("audit_log as a")
          .select("a.comment")
          .whereRef("a.hub_id", "=", "h.id")
          .where("a.entity", "=", "hub")
          .where("a.comment", "is not", null)
          .orderBy("a.id", "desc")
          .limit(1)
          .as("last_message"),
      (eb) =>
        eb
          .selectFrom("hub_reviews as r")
          .select((eb2) => eb2.fn.countAll<number>().as("n"))
          .whereRef("r.hub_id", "=", "h.id")
          .as("reviews"),
      (eb) =>
        eb
          .selectFrom("hub_change_requests as c")
          .select((eb2) => eb2.fn.countAll<number>().as("n"))
          .whereRef("c.hub_id", "=", "h.id")
          .where("c.status", "=", "pending")
          .as("pending_changes"),
    ]);
  if (filter.organisationId !== undefined) query = query.where("h.lead_organisation_id", "=", filter.organisationId);
  if (filter.statuses?.length) query = query.where("h.status", "in", filter.statuses);
  const rows = await query.orderBy("h.updated_at", "desc").orderBy("h.id", "desc").execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    /** What to show: the public status once recognised (hubs/lifecycle.ts), else the stored one. */
    displayStatus: displayStatusOf({ status: row.status, startDate: row.start_date, endDate: row.end_date }, today),
    title: row.title,
    textLanguage: row.text_language,
    organisation: row.organisation,
    startDate: row.start_date,
    endDate: row.end_date,
    lastMessage: row.last_message ?? null,
    reviews: Number(row.reviews ?? 0),
    pendingChanges: Number(row.pending_changes ?? 0),
  }));
}
