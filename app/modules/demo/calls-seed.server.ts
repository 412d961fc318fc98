import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { DEMO_CALL_PROPOSALS, DEMO_CALLS } from "../../../db/seed/demo-calls";
import { DEMO_ORGANISATIONS } from "../../../db/seed/demo-hubs";
import { defaultCriteria } from "~/modules/calls/calls.server";
import { addDays } from "~/modules/progress/calendar";

const DAY_MS = 86_400_000;

/**
 * The demo calls for proposals (issue 11), placed relative to `today`: the past call the demo HUBs
 * were recognised through (results published), an open call closing in about six weeks with three
 * submitted proposals awaiting the council's scores, and a call scheduled to open later. The standing
 * call of migration 140 is closed on the day the demo was loaded, so the open call is the one a city
 * answers by default.
 */
export async function seedDemoCalls(trx: Transaction<Database>, { today, loadedAt }: { today: string; loadedAt: Date }): Promise<void> {
  const at = (day: string, time = "17:00") => new Date(`${day}T${time}:00Z`);
  const hubs = await trx.selectFrom("hubs").select(["id", "recognised_at"]).execute();
  const recognised = hubs.map((hub) => (hub.recognised_at ? new Date(hub.recognised_at).getTime() : loadedAt.getTime()));
  const first = new Date(Math.min(...recognised, loadedAt.getTime()));
  const last = new Date(Math.max(...recognised, first.getTime() + DAY_MS));
  const criteria = await defaultCriteria();
  const themes = new Map((await trx.selectFrom("themes").select(["id", "slug"]).execute()).map((row) => [row.slug, row.id]));
  const placed = {
    past: { opens_at: new Date(first.getTime() - 60 * DAY_MS), closes_at: new Date(first.getTime() - DAY_MS), results_published_at: last, announced_at: new Date(first.getTime() - 60 * DAY_MS), results_notified_at: last },
    open: { opens_at: at(addDays(today, -14), "09:00"), closes_at: at(addDays(today, 42)), results_published_at: null, announced_at: at(addDays(today, -14), "09:00"), results_notified_at: null },
    scheduled: { opens_at: at(addDays(today, 90), "09:00"), closes_at: at(addDays(today, 150)), results_published_at: null, announced_at: null, results_notified_at: null },
  };
  const callIds = new Map<string, number>();
  for (const call of DEMO_CALLS) {
    const { id } = await trx
      .insertInto("calls")
      .values({ slug: call.slug, original_language: call.originalLanguage, published: true, ...placed[call.key], created_at: loadedAt, updated_at: loadedAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    callIds.set(call.key, id);
    await trx
      .insertInto("call_translations")
      .values((["en", "es", "fr"] as const).map((language) => ({ call_id: id, language, ...call.texts[language], updated_at: loadedAt })))
      .execute();
    await trx
      .insertInto("call_criteria")
      .values(criteria.map((criterion, position) => ({ call_id: id, position, title_en: criterion.titleEn, title_es: criterion.titleEs, title_fr: criterion.titleFr })))
      .execute();
    const themeIds = call.themes.flatMap((slug) => (themes.has(slug) ? [themes.get(slug)!] : []));
    if (themeIds.length) await trx.insertInto("call_themes").values(themeIds.map((theme_id) => ({ call_id: id, theme_id }))).execute();
    if (call.goals.length) await trx.insertInto("call_goals").values(call.goals.map((goal) => ({ call_id: id, goal }))).execute();
  }
  // The demo HUBs were recognised through the past call.
  await trx.updateTable("hubs").set({ call_id: callIds.get("past")! }).execute();
  // Continuous recognition (migration 140's standing call) is closed in the demo: one call is open.
  await trx.updateTable("calls").set({ standing: false, closes_at: loadedAt, updated_at: loadedAt }).where("standing", "=", true).where("opens_at", "<", loadedAt).execute();

  const organisations = await trx.selectFrom("organisations").select(["id", "name", "latitude", "longitude"]).execute();
  for (const [index, proposal] of DEMO_CALL_PROPOSALS.entries()) {
    const name = DEMO_ORGANISATIONS.find((candidate) => candidate.key === proposal.organisation)?.name;
    const organisation = organisations.find((row) => row.name === name);
    if (!organisation) continue;
    const submittedAt = at(addDays(today, -10 + index * 3), "10:00");
    const start = addDays(today, 120);
    const { id: hubId } = await trx
      .insertInto("hubs")
      .values({
        slug: proposal.slug,
        status: "submitted",
        lead_organisation_id: organisation.id,
        original_language: proposal.language,
        theme_id: themes.get(proposal.theme) ?? null,
        latitude: organisation.latitude,
        longitude: organisation.longitude,
        start_date: start,
        end_date: addDays(start, 2 * 365),
        created_at: submittedAt,
        updated_at: submittedAt,
        submitted_at: submittedAt,
        call_id: callIds.get("open")!,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("hub_translations")
      .values({
        hub_id: hubId,
        language: proposal.language,
        title: proposal.title,
        summary: proposal.summary,
        description: proposal.description,
        local_global_link: proposal.description,
        acceleration: proposal.summary,
        synchronisation: proposal.summary,
        updated_at: submittedAt,
      })
      .execute();
    await trx
      .insertInto("hub_goals")
      .values(proposal.goals.map((goal, position) => ({ hub_id: hubId, goal, is_primary: position === 0 })))
      .execute();
    await trx
      .insertInto("hub_outcomes")
      .values({ hub_id: hubId, position: 0, statement: proposal.summary, indicator: proposal.title, baseline: 0, target_value: 100, unit: "%", milestone: null, due_date: addDays(start, 365) })
      .execute();
  }
}
