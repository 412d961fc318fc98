import type { AppLoadContext } from "@remix-run/node";
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { loader as mapPageLoader } from "~/routes/$lang._index";
import { getHubPageVersion } from "~/modules/hubs/public-cache.server";
import { syncSdgReferenceData } from "../../db/reference/sdg";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";
import { callRoute, contextFor, requestFor, responseOf } from "../support/routes";

/**
 * The anonymous HUB page is cached until public_data_version moves (server/page-cache.ts), so a
 * write to any table whose rows the page shows must move it: insert, update and delete alike.
 * Nothing here lists those tables by hand: the tables the page reads are taken from the SQL its
 * loaders run, the tables that move the version from the database catalog (their triggers).
 */
let database: TestDatabase;
let organisationId: number;
let otherOrganisationId: number;
let hubId: number;
let otherHubId: number;
/** A HUB no write below touches or links to: its page must stay cached through all of them. */
let bystanderHubId: number;
let updateId: number;
let outcomeIds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const city = await createUser(database.db, { role: "city" });
  const other = await createUser(database.db, { role: "city" });
  organisationId = city.organisation_id!;
  otherOrganisationId = other.organisation_id!;
  const hub = await createHub(database.db, { organisationId, startDate: "2026-01-01", endDate: "2028-12-31" });
  const otherHub = await createHub(database.db, { organisationId: otherOrganisationId, startDate: "2026-01-01", endDate: "2028-12-31" });
  hubId = hub.id;
  bystanderHubId = (await createHub(database.db, { organisationId: otherOrganisationId, startDate: "2026-01-01", endDate: "2028-12-31" })).id;
  otherHubId = otherHub.id;
  outcomeIds = hub.outcomeIds;
  updateId = (
    await database.db
      .insertInto("progress_updates")
      .values({ hub_id: hubId, kind: "progress", period_start: "2026-01-01", period_end: "2026-06-30", due_date: "2026-07-31", status: "accepted", original_language: "en", updated_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => database?.destroy());

async function version() {
  const row = await database.db.selectFrom("public_data_version").select("version").where("id", "=", 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

/** A "setup" write prepares the next one and is not measured. */
type Write = [kind: "insert" | "update" | "delete" | "setup", run: () => Promise<unknown>];

/** A draft call for the calls' writes below. */
function versionCall() {
  return { slug: "version-call", original_language: "en" as const, opens_at: new Date("2027-03-01T09:00:00Z"), closes_at: new Date("2027-04-15T17:00:00Z"), updated_at: new Date() };
}

/** Insert, update and delete of a part of a call, around a call made (and removed) unmeasured. */
function callPart(insert: (callId: number) => Promise<unknown>, update: (callId: number) => Promise<unknown>, remove: (callId: number) => Promise<unknown>): Write[] {
  let callId = 0;
  return [
    ["setup", async () => (callId = (await database.db.insertInto("calls").values(versionCall()).returning("id").executeTakeFirstOrThrow()).id)],
    ["insert", () => insert(callId)],
    ["update", () => update(callId)],
    ["delete", () => remove(callId)],
    ["setup", () => database.db.deleteFrom("calls").where("id", "=", callId).execute()],
  ];
}

/** For each table the HUB page shows, a real insert, update and delete of one row. */
const WRITES: Record<string, () => Write[]> = {
  hubs: () => {
    let id = 0;
    return [
      [
        "insert",
        async () =>
          (id = (
            await database.db
              .insertInto("hubs")
              .values({ slug: `version-${Date.now()}`, status: "recognised", lead_organisation_id: organisationId, original_language: "en", latitude: 1, longitude: 2, start_date: "2026-01-01", end_date: "2027-01-01", updated_at: new Date() })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["update", () => database.db.updateTable("hubs").set({ website: "https://example.org" }).where("id", "=", id).execute()],
      ["delete", () => database.db.deleteFrom("hubs").where("id", "=", id).execute()],
    ];
  },
  hub_translations: () => [
    ["insert", () => database.db.insertInto("hub_translations").values({ hub_id: hubId, language: "fr", title: "Titre", summary: "Résumé", updated_at: new Date() }).execute()],
    ["update", () => database.db.updateTable("hub_translations").set({ title: "Autre titre" }).where("hub_id", "=", hubId).where("language", "=", "fr").execute()],
    ["delete", () => database.db.deleteFrom("hub_translations").where("hub_id", "=", hubId).where("language", "=", "fr").execute()],
  ],
  hub_goals: () => [
    ["insert", () => database.db.insertInto("hub_goals").values({ hub_id: hubId, goal: 3, is_primary: false }).execute()],
    ["update", () => database.db.updateTable("hub_goals").set({ goal: 4 }).where("hub_id", "=", hubId).where("goal", "=", 3).execute()],
    ["delete", () => database.db.deleteFrom("hub_goals").where("hub_id", "=", hubId).where("goal", "=", 4).execute()],
  ],
  hub_targets: () => [
    ["insert", () => database.db.insertInto("hub_targets").values({ hub_id: hubId, target_id: "11.1" }).execute()],
    ["update", () => database.db.updateTable("hub_targets").set({ target_id: "11.2" }).where("hub_id", "=", hubId).where("target_id", "=", "11.1").execute()],
    ["delete", () => database.db.deleteFrom("hub_targets").where("hub_id", "=", hubId).execute()],
  ],
  hub_participants: () => [
    ["insert", () => database.db.insertInto("hub_participants").values({ hub_id: hubId, organisation_id: otherOrganisationId }).execute()],
    ["update", () => database.db.updateTable("hub_participants").set({ hub_id: otherHubId, organisation_id: organisationId }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_participants").where("hub_id", "=", otherHubId).execute()],
  ],
  hub_outcomes: () => {
    let id = 0;
    return [
      [
        "insert",
        async () =>
          (id = (
            await database.db
              .insertInto("hub_outcomes")
              .values({ hub_id: hubId, position: 9, statement: "Open a library", indicator: "Library open", milestone: "Open", due_date: "2028-01-01" })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["update", () => database.db.updateTable("hub_outcomes").set({ statement: "Open two libraries" }).where("id", "=", id).execute()],
      ["delete", () => database.db.deleteFrom("hub_outcomes").where("id", "=", id).execute()],
    ];
  },
  hub_partners: () => [
    ["insert", () => database.db.insertInto("hub_partners").values({ hub_id: hubId, position: 0, name: "Neighbourhood association" }).execute()],
    ["update", () => database.db.updateTable("hub_partners").set({ name: "Residents' association" }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_partners").where("hub_id", "=", hubId).execute()],
  ],
  hub_synchronisations: () => [
    ["insert", () => database.db.insertInto("hub_synchronisations").values({ hub_id: hubId, other_hub_id: otherHubId }).execute()],
    ["update", () => database.db.updateTable("hub_synchronisations").set({ hub_id: otherHubId, other_hub_id: hubId }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_synchronisations").where("hub_id", "=", otherHubId).execute()],
  ],
  policy_councils: () => {
    let id = 0;
    return [
      [
        "insert",
        async () =>
          (id = (
            await database.db
              .insertInto("policy_councils")
              .values({ slug: "version-council", name_en: "Council", name_es: "Consejo", name_fr: "Conseil", position: 9 })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["update", () => database.db.updateTable("policy_councils").set({ name_en: "Another council" }).where("id", "=", id).execute()],
      ["delete", () => database.db.deleteFrom("policy_councils").where("id", "=", id).execute()],
    ];
  },
  hub_policy_councils: () => {
    let councilId = 0;
    return [
      ["setup", async () => (councilId = (await database.db.selectFrom("policy_councils").select("id").orderBy("id").executeTakeFirstOrThrow()).id)],
      ["insert", () => database.db.insertInto("hub_policy_councils").values({ hub_id: hubId, council_id: councilId }).execute()],
      ["update", () => database.db.updateTable("hub_policy_councils").set({ hub_id: otherHubId }).where("hub_id", "=", hubId).execute()],
      ["delete", () => database.db.deleteFrom("hub_policy_councils").where("hub_id", "=", otherHubId).execute()],
    ];
  },
  // The council dashboard's stored state (migration 240): its figures are kept per public data version.
  hub_reporting_state: () => [
    [
      "insert",
      () =>
        database.db
          .insertInto("hub_reporting_state")
          .values({ hub_id: otherHubId, next_kind: "progress", next_due_date: "2026-07-01", pending_due_dates: "{2026-07-01}", outcomes: 1, outcomes_achieved: 0 })
          .onConflict((oc) => oc.column("hub_id").doUpdateSet({ outcomes: 1 }))
          .execute(),
    ],
    ["update", () => database.db.updateTable("hub_reporting_state").set({ outcomes_achieved: 1 }).where("hub_id", "=", otherHubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_reporting_state").where("hub_id", "=", otherHubId).execute()],
  ],
  hub_sync_requests: () => [
    ["insert", () => database.db.insertInto("hub_sync_requests").values({ requester_hub_id: hubId, target_hub_id: otherHubId, message: "Hello", joint_activity: "Workshop" }).execute()],
    ["update", () => database.db.updateTable("hub_sync_requests").set({ status: "accepted" }).where("requester_hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_sync_requests").where("requester_hub_id", "=", hubId).execute()],
  ],
  hub_joint_products: () => {
    let requestId = 0;
    return [
      [
        "setup",
        async () =>
          (requestId = (
            await database.db
              .insertInto("hub_sync_requests")
              .values({ requester_hub_id: otherHubId, target_hub_id: hubId, message: "Hi", joint_activity: "Guide", status: "accepted" })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["insert", () => database.db.insertInto("hub_joint_products").values({ sync_request_id: requestId, kind: "tool", title: "Toolkit", url: "https://example.org" }).execute()],
      ["update", () => database.db.updateTable("hub_joint_products").set({ title: "Another toolkit" }).where("sync_request_id", "=", requestId).execute()],
      ["delete", () => database.db.deleteFrom("hub_joint_products").where("sync_request_id", "=", requestId).execute()],
      ["setup", () => database.db.deleteFrom("hub_sync_requests").where("id", "=", requestId).execute()],
    ];
  },
  network_events: () => [
    ["insert", () => database.db.insertInto("network_events").values({ kind: "congress", title_en: "Congress", title_es: "Congreso", title_fr: "Congrès", starts_on: "2027-05-01", ends_on: "2027-05-03" }).execute()],
    ["update", () => database.db.updateTable("network_events").set({ location: "Online" }).where("title_en", "=", "Congress").execute()],
    ["delete", () => database.db.deleteFrom("network_events").where("title_en", "=", "Congress").execute()],
  ],
  network_event_hubs: () => {
    let eventId = 0;
    return [
      [
        "setup",
        async () =>
          (eventId = (
            await database.db
              .insertInto("network_events")
              .values({ kind: "gathering", title_en: "Gathering", title_es: "Encuentro", title_fr: "Rencontre", starts_on: "2027-03-01", ends_on: "2027-03-02" })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["insert", () => database.db.insertInto("network_event_hubs").values({ event_id: eventId, hub_id: hubId }).execute()],
      ["update", () => database.db.updateTable("network_event_hubs").set({ hub_id: otherHubId }).where("event_id", "=", eventId).execute()],
      ["delete", () => database.db.deleteFrom("network_event_hubs").where("event_id", "=", eventId).execute()],
      ["setup", () => database.db.deleteFrom("network_events").where("id", "=", eventId).execute()],
    ];
  },
  // Calls for proposals (migration 140): the home page and the navigation show the open call.
  calls: () => [
    ["insert", () => database.db.insertInto("calls").values(versionCall()).execute()],
    ["update", () => database.db.updateTable("calls").set({ max_timeline_years: 2 }).where("slug", "=", "version-call").execute()],
    ["delete", () => database.db.deleteFrom("calls").where("slug", "=", "version-call").execute()],
  ],
  call_translations: () => callPart(
    (callId) => database.db.insertInto("call_translations").values({ call_id: callId, language: "en", title: "A call" }).execute(),
    (callId) => database.db.updateTable("call_translations").set({ title: "The call" }).where("call_id", "=", callId).execute(),
    (callId) => database.db.deleteFrom("call_translations").where("call_id", "=", callId).execute(),
  ),
  call_criteria: () => callPart(
    (callId) => database.db.insertInto("call_criteria").values({ call_id: callId, position: 0, title_en: "Locally driven" }).execute(),
    (callId) => database.db.updateTable("call_criteria").set({ title_en: "Driven locally" }).where("call_id", "=", callId).execute(),
    (callId) => database.db.deleteFrom("call_criteria").where("call_id", "=", callId).execute(),
  ),
  call_themes: () => {
    const themeIds: number[] = [];
    const theme = async (slug: string) =>
      (await database.db.insertInto("themes").values({ slug, name_en: "Housing", name_es: "Vivienda", name_fr: "Logement", position: 8 }).returning("id").executeTakeFirstOrThrow()).id;
    return [
      ["setup", async () => themeIds.push(await theme("call-theme-a"), await theme("call-theme-b"))],
      ...callPart(
        (callId) => database.db.insertInto("call_themes").values({ call_id: callId, theme_id: themeIds[0]! }).execute(),
        (callId) => database.db.updateTable("call_themes").set({ theme_id: themeIds[1]! }).where("call_id", "=", callId).execute(),
        (callId) => database.db.deleteFrom("call_themes").where("call_id", "=", callId).execute(),
      ),
      ["setup", () => database.db.deleteFrom("themes").where("id", "in", themeIds).execute()],
    ];
  },
  call_goals: () => callPart(
    (callId) => database.db.insertInto("call_goals").values({ call_id: callId, goal: 11 }).execute(),
    (callId) => database.db.updateTable("call_goals").set({ goal: 13 }).where("call_id", "=", callId).execute(),
    (callId) => database.db.deleteFrom("call_goals").where("call_id", "=", callId).execute(),
  ),
  call_documents: () => callPart(
    (callId) => database.db.insertInto("call_documents").values({ call_id: callId, position: 0, title: "Guide", url: "https://example.org/guide.pdf" }).execute(),
    (callId) => database.db.updateTable("call_documents").set({ title: "The guide" }).where("call_id", "=", callId).execute(),
    (callId) => database.db.deleteFrom("call_documents").where("call_id", "=", callId).execute(),
  ),
  // Exchange participation on the HUB page (migration 170): a post by a member of the HUB's organisation.
  exchange_posts: () => {
    let threadId = 0;
    return [
      [
        "setup",
        async () => {
          const author = await database.db.selectFrom("users").select("id").where("organisation_id", "=", organisationId).executeTakeFirstOrThrow();
          threadId = (
            await database.db.insertInto("exchange_threads").values({ topic_kind: "general", title: "Water", language: "en", created_by: author.id }).returning("id").executeTakeFirstOrThrow()
          ).id;
        },
      ],
      [
        "insert",
        async () => {
          const author = await database.db.selectFrom("users").select("id").where("organisation_id", "=", organisationId).executeTakeFirstOrThrow();
          await database.db.insertInto("exchange_posts").values({ thread_id: threadId, author_id: author.id, body: "Hello" }).execute();
        },
      ],
      ["update", () => database.db.updateTable("exchange_posts").set({ hidden: true }).where("thread_id", "=", threadId).execute()],
      ["delete", () => database.db.deleteFrom("exchange_posts").where("thread_id", "=", threadId).execute()],
      ["setup", () => database.db.deleteFrom("exchange_threads").where("id", "=", threadId).execute()],
    ];
  },
  organisations: () => {
    let id = 0;
    return [
      [
        "insert",
        async () =>
          (id = (
            await database.db
              .insertInto("organisations")
              .values({ name: "Partner town", kind: "local_government", country_code: "ES", region: "europe", city: "Sevilla", latitude: 37.4, longitude: -6 })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["update", () => database.db.updateTable("organisations").set({ city: "Sevilla (centro)" }).where("id", "=", id).execute()],
      ["delete", () => database.db.deleteFrom("organisations").where("id", "=", id).execute()],
    ];
  },
  themes: () => [
    ["insert", () => database.db.insertInto("themes").values({ slug: "version-theme", name_en: "Water", name_es: "Agua", name_fr: "Eau", position: 9 }).execute()],
    ["update", () => database.db.updateTable("themes").set({ name_en: "Clean water" }).where("slug", "=", "version-theme").execute()],
    ["delete", () => database.db.deleteFrom("themes").where("slug", "=", "version-theme").execute()],
  ],
  sdg_targets: () => [
    // Restored below from the reference data (syncSdgReferenceData).
    ["delete", () => database.db.deleteFrom("sdg_targets").where("id", "=", "17.19").execute()],
    ["insert", () => database.db.insertInto("sdg_targets").values({ id: "17.19", goal: 17, position: 999, title_en: "t", title_es: "t", title_fr: "t" }).execute()],
    ["update", () => database.db.updateTable("sdg_targets").set({ title_en: "Statistical capacity" }).where("id", "=", "17.19").execute()],
  ],
  sdg_goals: () => [
    // Goal 17 loses its targets first (not measured); both are restored below.
    ["setup", () => database.db.deleteFrom("sdg_targets").where("goal", "=", 17).execute()],
    ["delete", () => database.db.deleteFrom("sdg_goals").where("number", "=", 17).execute()],
    ["insert", () => database.db.insertInto("sdg_goals").values({ number: 17, code: "SDG17", color: "#19486A", text_color: "#FFFFFF", short_en: "Partnerships", short_es: "Alianzas", short_fr: "Partenariats", title_en: "t", title_es: "t", title_fr: "t" }).execute()],
    ["update", () => database.db.updateTable("sdg_goals").set({ color: "#123456" }).where("number", "=", 17).execute()],
  ],
  progress_updates: () => {
    let id = 0;
    return [
      [
        "insert",
        async () =>
          (id = (
            await database.db
              .insertInto("progress_updates")
              .values({ hub_id: hubId, kind: "progress", period_start: "2026-07-01", period_end: "2026-12-31", due_date: "2027-01-31", status: "submitted", original_language: "en", updated_at: new Date() })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id),
      ],
      ["update", () => database.db.updateTable("progress_updates").set({ status: "accepted", accepted_at: new Date() }).where("id", "=", id).execute()],
      ["delete", () => database.db.deleteFrom("progress_updates").where("id", "=", id).execute()],
    ];
  },
  progress_update_translations: () => [
    ["insert", () => database.db.insertInto("progress_update_translations").values({ update_id: updateId, language: "es", narrative: "Avance" }).execute()],
    ["update", () => database.db.updateTable("progress_update_translations").set({ narrative: "Más avance" }).where("update_id", "=", updateId).execute()],
    ["delete", () => database.db.deleteFrom("progress_update_translations").where("update_id", "=", updateId).execute()],
  ],
  progress_update_outcomes: () => [
    ["insert", () => database.db.insertInto("progress_update_outcomes").values({ update_id: updateId, outcome_id: outcomeIds[0], value: 40 }).execute()],
    ["update", () => database.db.updateTable("progress_update_outcomes").set({ value: 55 }).where("update_id", "=", updateId).execute()],
    ["delete", () => database.db.deleteFrom("progress_update_outcomes").where("update_id", "=", updateId).execute()],
  ],
  progress_update_activities: () => [
    ["insert", () => database.db.insertInto("progress_update_activities").values({ update_id: updateId, position: 0, title: "Workshop", held_on: "2026-03-01" }).execute()],
    ["update", () => database.db.updateTable("progress_update_activities").set({ title: "Public workshop" }).where("update_id", "=", updateId).execute()],
    ["delete", () => database.db.deleteFrom("progress_update_activities").where("update_id", "=", updateId).execute()],
  ],
  progress_update_evidence: () => [
    ["insert", () => database.db.insertInto("progress_update_evidence").values({ update_id: updateId, position: 0, url: "https://example.org/report.pdf", label: "Report" }).execute()],
    ["update", () => database.db.updateTable("progress_update_evidence").set({ label: "Final report" }).where("update_id", "=", updateId).execute()],
    ["delete", () => database.db.deleteFrom("progress_update_evidence").where("update_id", "=", updateId).execute()],
  ],
  hub_events: () => [
    ["insert", () => database.db.insertInto("hub_events").values({ hub_id: hubId, position: 0, name: "Open day", event_date: "2027-05-01" }).execute()],
    ["update", () => database.db.updateTable("hub_events").set({ name: "Open house" }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_events").where("hub_id", "=", hubId).execute()],
  ],
  hub_documents: () => [
    ["insert", () => database.db.insertInto("hub_documents").values({ hub_id: hubId, position: 0, title: "Plan", url: "https://example.org/plan.pdf" }).execute()],
    ["update", () => database.db.updateTable("hub_documents").set({ title: "Action plan" }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_documents").where("hub_id", "=", hubId).execute()],
  ],
  hub_change_requests: () => [
    ["insert", () => database.db.insertInto("hub_change_requests").values({ hub_id: hubId, status: "pending", baseline: "{}", proposed: "{}" }).execute()],
    ["update", () => database.db.updateTable("hub_change_requests").set({ status: "approved", decided_at: new Date() }).where("hub_id", "=", hubId).execute()],
    ["delete", () => database.db.deleteFrom("hub_change_requests").where("hub_id", "=", hubId).execute()],
  ],
};

/** The tables with a trigger calling public_data_version_bump() on insert, update and delete, from pg_trigger. */
async function tablesWithVersionTrigger(): Promise<string[]> {
  const { rows } = await sql<{ table: string }>`
    select distinct c.relname as table
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_proc p on p.oid = t.tgfoid
    where p.proname = 'public_data_version_bump' and not t.tgisinternal
      -- TRIGGER_TYPE_INSERT (4) | DELETE (8) | UPDATE (16)
      and (t.tgtype::int & 28) = 28
    order by 1`.execute(database.db);
  return rows.map((row) => row.table);
}

/** Every table of the schema that `run` reads or writes, from the SQL it sends. */
async function tablesUsedBy(run: (traced: TestDatabase) => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const executor = database.db.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => {
      statements.push(executor.compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs) => result,
  };
  await run({ ...database, db: database.db.withPlugin(recorder) });
  const { rows } = await sql<{ table: string }>`select table_name as table from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
  return rows
    .map((row) => row.table)
    .filter((table) => statements.some((text) => new RegExp(`\\b(from|join)\\s+"?${table}"?(\\s|$|\\))`, "i").test(text)))
    .sort();
}

/** The versions themselves: a page reads them (the HUB page with its data, for the page cache), no write to them moves another. */
const VERSION_TABLES = ["public_data_version", "hub_public_versions", "public_reference_version"];

/** Each HUB's page version (getHubPageVersion, what the page cache keys HUB pages on), by HUB id. */
async function hubPageVersions(): Promise<Map<number, string>> {
  const hubs = await database.db.selectFrom("hubs").select(["id", "slug"]).execute();
  return new Map(await Promise.all(hubs.map(async (hub) => [hub.id, await getHubPageVersion(database.db, hub.slug)] as [number, string])));
}

/** The tables whose writes move a HUB page's version (per-HUB row triggers, or the shared reference version), from pg_trigger. */
async function tablesWithHubPageTrigger(): Promise<{ table: string; shared: boolean }[]> {
  const { rows } = await sql<{ table: string; shared: boolean }>`
    select c.relname as table, p.proname = 'public_reference_version_bump' as shared
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_proc p on p.oid = t.tgfoid
    where (p.proname like 'hub\\_public\\_versions\\_%statement' or p.proname = 'public_reference_version_bump') and not t.tgisinternal
    group by c.relname, p.proname
    -- an insert, an update and a delete trigger (TRIGGER_TYPE_INSERT 4 | DELETE 8 | UPDATE 16), together
    having bit_or(t.tgtype::int & 28) = 28
    order by 1`.execute(database.db);
  return rows;
}

describe("each HUB page's own version (finer invalidation, migration 120)", () => {
  it("follows every table the HUB page reads", async () => {
    const slug = (await database.db.selectFrom("hubs").select("slug").where("id", "=", hubId).executeTakeFirstOrThrow()).slug;
    const read = await tablesUsedBy(async (traced) => {
      for (const lang of ["en", "es", "fr"]) {
        expect((await callRoute(hubPageLoader, traced, { path: `/${lang}/hubs/${slug}`, params: { lang, slug } })).status).toBe(200);
      }
    });
    const triggered = (await tablesWithHubPageTrigger()).map((row) => row.table);
    expect(read.filter((table) => !VERSION_TABLES.includes(table) && !triggered.includes(table))).toEqual([]);
  });

  it("moves for the HUB a write concerns, for every HUB at a write to shared data, and for no bystander otherwise", async () => {
    const tables = await tablesWithHubPageTrigger();
    expect(tables.filter(({ table }) => !WRITES[table])).toEqual([]);
    for (const { table, shared } of tables) {
      for (const [kind, write] of WRITES[table]()) {
        if (kind === "setup") {
          await write();
          continue;
        }
        const before = await hubPageVersions();
        await write();
        const after = await hubPageVersions();
        const moved = [...before].filter(([id, version]) => after.get(id) !== version).map(([id]) => id);
        if (shared) {
          expect({ table, kind, everyHub: moved.length === before.size }).toEqual({ table, kind, everyHub: true });
        } else {
          // A new HUB (hubs insert) has a version it did not have; a deleted one has none left.
          const changed = moved.length + [...after.keys()].filter((id) => !before.has(id)).length + [...before.keys()].filter((id) => !after.has(id)).length;
          expect({ table, kind, reached: changed > 0, bystanderMoved: moved.includes(bystanderHubId) }).toEqual({ table, kind, reached: true, bystanderMoved: false });
        }
      }
      await syncSdgReferenceData(database.db);
    }
  });

  it("is what the HUB page's loader reports with its data (the page cache keeps a first view under it), before and after a write", async () => {
    const slug = (await database.db.selectFrom("hubs").select("slug").where("id", "=", hubId).executeTakeFirstOrThrow()).slug;
    const reportedBy = async (lang: string) => {
      const reported: (number | string)[] = [];
      const context = { ...contextFor(database), onPageVersion: (version: number | string) => reported.push(version) };
      const response = await responseOf(() => hubPageLoader({ request: requestFor({ path: `/${lang}/hubs/${slug}` }), params: { lang, slug }, context }));
      expect(response.status).toBe(200);
      return reported;
    };
    const before = await getHubPageVersion(database.db, slug);
    expect(before).toMatch(/^\d+:\d+$/);
    expect(await reportedBy("en")).toEqual([before]);
    await database.db.updateTable("hubs").set({ website: "https://changed.example.org" }).where("id", "=", hubId).execute();
    const after = await getHubPageVersion(database.db, slug);
    expect(after).not.toBe(before);
    expect(await reportedBy("fr")).toEqual([after]);
  });

  it("moves a HUB's page when a HUB synchronised with it changes its title", async () => {
    await database.db.insertInto("hub_synchronisations").values({ hub_id: hubId, other_hub_id: otherHubId }).execute();
    const before = await hubPageVersions();
    await database.db.updateTable("hub_translations").set({ title: "A new name" }).where("hub_id", "=", otherHubId).execute();
    const after = await hubPageVersions();
    expect(after.get(hubId)).not.toBe(before.get(hubId));
    expect(after.get(bystanderHubId)).toBe(before.get(bystanderHubId));
    await database.db.deleteFrom("hub_synchronisations").where("hub_id", "=", hubId).execute();
  });

  it("moves a HUB's page when a HUB it synchronised with through an accepted request changes its title, either way (migration 220)", async () => {
    const request = await database.db
      .insertInto("hub_sync_requests")
      .values({ requester_hub_id: hubId, target_hub_id: otherHubId, message: "Hello", joint_activity: "Workshop", status: "accepted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [renamed, shown] of [
      [otherHubId, hubId],
      [hubId, otherHubId],
    ]) {
      const before = await hubPageVersions();
      await database.db.updateTable("hub_translations").set({ title: `A new name ${renamed}` }).where("hub_id", "=", renamed).execute();
      const after = await hubPageVersions();
      expect({ renamed, shownMoved: after.get(shown) !== before.get(shown), bystanderMoved: after.get(bystanderHubId) !== before.get(bystanderHubId) }).toEqual({
        renamed,
        shownMoved: true,
        bystanderMoved: false,
      });
    }
    // A request not (or no longer) accepted is no link: the other page stays as it is.
    await database.db.updateTable("hub_sync_requests").set({ status: "declined" }).where("id", "=", request.id).execute();
    const before = await hubPageVersions();
    await database.db.updateTable("hub_translations").set({ title: "Another name" }).where("hub_id", "=", otherHubId).execute();
    expect((await hubPageVersions()).get(hubId)).toBe(before.get(hubId));
    await database.db.deleteFrom("hub_sync_requests").where("id", "=", request.id).execute();
  });
});

describe("the map page's version (the page cache keeps a first view under what its loader reports)", () => {
  /** The map page's loader for `path`, with the versions it reports and its statements that read the public data version. */
  async function mapPage(path: string, context: Partial<AppLoadContext> = {}) {
    const reported: (number | string)[] = [];
    const versionReads: string[] = [];
    const executor = database.db.getExecutor();
    const recorder: KyselyPlugin = {
      transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => {
        const text = executor.compileQuery(node, queryId).sql;
        if (/\bpublic_data_version\b/.test(text)) versionReads.push(text);
        return node;
      },
      transformResult: async ({ result }: PluginTransformResultArgs) => result,
    };
    const traced = { ...database, db: database.db.withPlugin(recorder) };
    const lang = path.split(/[/?]/)[1];
    const response = await responseOf(() =>
      mapPageLoader({ request: requestFor({ path }), params: { lang }, context: { ...contextFor(traced), onPageVersion: (version) => reported.push(version), ...context } }),
    );
    expect(response.status).toBe(200);
    return { reported, versionReads, data: await response.json() };
  }

  it("is the public data version, read once per page (with a search, beside its rate limit), before and after a write", async () => {
    for (const path of ["/en", "/fr?q=water"]) {
      const before = await version();
      const first = await mapPage(path);
      expect({ path, reported: first.reported, reads: first.versionReads.length }).toEqual({ path, reported: [before], reads: 1 });
      await database.db.updateTable("hubs").set({ website: `https://moved.example.org${path.length}` }).where("id", "=", hubId).execute();
      const after = await version();
      expect(after).toBeGreaterThan(before);
      expect((await mapPage(path)).reported).toEqual([after]);
    }
  });

  it("reads its data at the version the page cache read before it missed, without a read of its own", async () => {
    // A write first: nothing is cached at the new version, so every list, count and option is computed here.
    await database.db.updateTable("hubs").set({ website: "https://read-once.example.org" }).where("id", "=", hubId).execute();
    const current = await version();
    for (const path of ["/es", "/es?q=water&sdg=6"]) {
      const page = await mapPage(path, { publicDataVersion: current });
      expect({ path, reported: page.reported, reads: page.versionReads }).toEqual({ path, reported: [current], reads: [] });
      expect(page.data.list.total).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("the public data version follows every table of the public HUB page", () => {
  it("has a trigger on every table the HUB page and its open data read", async () => {
    const slug = (await database.db.selectFrom("hubs").select("slug").where("id", "=", hubId).executeTakeFirstOrThrow()).slug;
    const read = await tablesUsedBy(async (traced) => {
      for (const lang of ["en", "es", "fr"]) {
        expect((await callRoute(hubPageLoader, traced, { path: `/${lang}/hubs/${slug}`, params: { lang, slug } })).status).toBe(200);
      }
      expect((await callRoute(hubJsonLoader, traced, { path: `/api/hubs/${slug}.json`, params: { file: `${slug}.json` } })).status).toBe(200);
    });
    // The page's own tables: at least the HUB, its texts and its progress (the tracing works).
    expect(read).toEqual(expect.arrayContaining(["hubs", "hub_translations", "progress_updates"]));
    const triggered = await tablesWithVersionTrigger();
    expect(read.filter((table) => !VERSION_TABLES.includes(table) && !triggered.includes(table))).toEqual([]);
  });

  it("moves at an insert, an update and a delete in each table with the trigger (tables from the catalog)", async () => {
    const tables = await tablesWithVersionTrigger();
    expect(tables.length).toBeGreaterThan(10);
    // A table that gains the trigger needs its writes here.
    expect(tables.filter((table) => !WRITES[table])).toEqual([]);
    for (const table of tables) {
      for (const [kind, write] of WRITES[table]()) {
        if (kind === "setup") {
          await write();
          continue;
        }
        const before = await version();
        await write();
        expect({ table, kind, moved: (await version()) > before }).toEqual({ table, kind, moved: true });
      }
      await syncSdgReferenceData(database.db);
    }
  });

  it("a read does not move it", async () => {
    const before = await version();
    await database.db.selectFrom("hub_partners").selectAll().execute();
    await database.db.selectFrom("sdg_goals").selectAll().execute();
    expect(await version()).toBe(before);
  });
});
