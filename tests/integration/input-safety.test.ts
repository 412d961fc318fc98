import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMessage } from "~/modules/forms/messages";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { periodKey } from "~/modules/progress/calendar";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { listDashboardRows } from "~/modules/progress/dashboard.server";
import * as newHubRoute from "~/routes/$lang.my.hubs.new";
import * as editHubRoute from "~/routes/$lang.my.hubs.$hubId";
import * as newProgressRoute from "~/routes/$lang.progress.$hubId.new";
import * as updateRoute from "~/routes/$lang.progress.updates.$updateId";
import * as signupRoute from "~/routes/$lang.signup";
import * as councilExportRoute from "~/routes/$lang.council.export";
import * as publicCsvRoute from "~/routes/api.hubs[.]csv";
import * as urlChecksMigration from "../../db/migrations/2026-12-01-070-url-checks";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { useToday } from "../support/clock";
import { proposalFields } from "../support/proposals";
import { callRoute, form } from "../support/routes";
import { cookieFor } from "../support/sessions";

/**
 * What people type, refused where it would harm (security review, issue 14, findings 1, 4, 11):
 * links that are not http(s), CSV cells that a spreadsheet would run, list indexes that would make
 * the server render thousands of rows, numbers beyond their column, dates that do not exist and
 * references to rows that are not the user's. Every case goes through the real route action.
 */

let database: TestDatabase;
const today = useToday("2026-11-22");
let cookies: Record<"city" | "council", string>;
let themeId: number;
let bogota: { id: number; slug: string; website: string | null };
let period: string;
let outcomeIds: number[];
let otherHubOutcomeId: number;
/** A draft report of Bogotá's, for an old period, that the city is editing. */
let draftUpdateId: number;

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: today });
  const userId = async (email: string) => (await database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  cookies = { city: await cookieFor(database, await userId("city@demo.l4a.test")), council: await cookieFor(database, await userId("council@demo.l4a.test")) };
  themeId = (await database.db.selectFrom("themes").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  bogota = await database.db.selectFrom("hubs").select(["id", "slug", "website"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
  const [calendar] = await listHubCalendars(database.db, { today, hubIds: [bogota.id] });
  period = periodKey(calendar.calendar.overdue[0]);
  outcomeIds = (await database.db.selectFrom("hub_outcomes").select("id").where("hub_id", "=", bogota.id).orderBy("position").execute()).map((row) => row.id);
  otherHubOutcomeId = (await database.db.selectFrom("hub_outcomes").select("id").where("hub_id", "!=", bogota.id).executeTakeFirstOrThrow()).id;
  const cityId = await userId("city@demo.l4a.test");
  draftUpdateId = (
    await database.db
      .insertInto("progress_updates")
      .values({ hub_id: bogota.id, kind: "progress", period_start: "2001-01-01", period_end: "2001-06-30", due_date: "2001-07-31", status: "draft", overall_status: "on_track", original_language: "es", created_by: cityId, updated_at: new Date(), submitted_at: null })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await database.db.insertInto("progress_update_translations").values({ update_id: draftUpdateId, language: "es", narrative: "Borrador." }).execute();
}, 60_000);
afterAll(() => database?.destroy());

const BAD_LINKS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x"];
const HUGE_ID = "2147483648";

type FormReply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

function postNewHub(values: Record<string, string | string[] | undefined>, lang = "es") {
  return callRoute(newHubRoute.action, database, {
    path: `/${lang}/my/hubs/new`,
    body: proposalFields({ themeId: String(themeId), ...values }),
    cookie: cookies.city,
    params: { lang },
  });
}

function postEditHub(values: Record<string, string | string[] | undefined>) {
  return callRoute(editHubRoute.action, database, {
    path: `/en/my/hubs/${bogota.id}`,
    body: proposalFields({ themeId: String(themeId), ...values }),
    cookie: cookies.city,
    params: { lang: "en", hubId: String(bogota.id) },
  });
}

function postProgress(values: Record<string, string | undefined>, lang = "es") {
  return callRoute(newProgressRoute.action, database, {
    path: `/${lang}/progress/${bogota.id}/new?period=${encodeURIComponent(period)}`,
    body: form({
      intent: "save",
      overallStatus: "on_track",
      narrative: "Avanzamos en la red de ciclorrutas.",
      "outcomes[0].outcomeId": String(outcomeIds[0]),
      "outcomes[0].kind": "numeric",
      "outcomes[0].value": "12",
      ...values,
    }),
    cookie: cookies.city,
    params: { lang, hubId: String(bogota.id) },
  });
}

function postDraftEdit(values: Record<string, string | undefined>) {
  return callRoute(updateRoute.action, database, {
    path: `/es/progress/updates/${draftUpdateId}`,
    body: form({
      intent: "save",
      version: "1",
      overallStatus: "on_track",
      narrative: "Borrador corregido.",
      "outcomes[0].outcomeId": String(outcomeIds[0]),
      "outcomes[0].kind": "numeric",
      "outcomes[0].value": "12",
      ...values,
    }),
    cookie: cookies.city,
    params: { lang: "es", updateId: String(draftUpdateId) },
  });
}

/** The form's errors, from a proposal answer ({ result }) or a progress answer (the reply itself). */
async function errorsOf(response: Response): Promise<Record<string, string[]>> {
  const body = (await response.json()) as FormReply & { result?: FormReply };
  return (body.result ?? body).error ?? {};
}

const keys = (messages: string[] | undefined) => (messages ?? []).map((encoded) => parseMessage(encoded).key);
const counts = async () => ({
  hubs: Number((await database.db.selectFrom("hubs").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
  updates: Number((await database.db.selectFrom("progress_updates").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
});

describe("every URL field takes http and https links only (finding 1)", () => {
  const fields: [string, string, (value: string) => Promise<Response>][] = [
    ["a new HUB's website", "website", (value) => postNewHub({ website: value })],
    ["a new HUB's document link", "documents[0].url", (value) => postNewHub({ "documents[0].url": value })],
    ["a recognised HUB's website", "website", (value) => postEditHub({ website: value })],
    ["a recognised HUB's document link", "documents[0].url", (value) => postEditHub({ "documents[0].url": value })],
    ["a new report's evidence link", "evidence[0].url", (value) => postProgress({ "evidence[0].url": value, "evidence[0].label": "Informe" })],
    ["an edited report's evidence link", "evidence[0].url", (value) => postDraftEdit({ "evidence[0].url": value })],
  ];
  for (const [name, field, post] of fields) {
    it.each(BAD_LINKS)(`refuses ${name} of %j with a localised error beside the field, saving nothing`, async (link) => {
      const before = await counts();
      const websiteBefore = (await database.db.selectFrom("hubs").select("website").where("id", "=", bogota.id).executeTakeFirstOrThrow()).website;
      const response = await post(link);
      expect(response.status).toBe(400);
      const errors = await errorsOf(response);
      expect(keys(errors[field])).toContain("validation:url");
      expect(await counts()).toEqual(before);
      expect((await database.db.selectFrom("hubs").select("website").where("id", "=", bogota.id).executeTakeFirstOrThrow()).website).toBe(websiteBefore);
      const texts = await Promise.all((["en", "es", "fr"] as const).map(async (language) => (await getTranslator(language))("validation:url")));
      expect(new Set(texts).size).toBe(3);
      expect(texts.every((text) => text.includes("https://"))).toBe(true);
    });
  }

  it("refuses a link of more than 2,048 characters and accepts an upper-case http scheme, which the database stores", async () => {
    const long = `https://example.org/${"a".repeat(2030)}`;
    const tooLong = await postNewHub({ website: long });
    expect(tooLong.status).toBe(400);
    expect(keys((await errorsOf(tooLong)).website)).toContain("validation:tooLong");
    const saved = await postNewHub({ website: "Http://Example.org", "documents[0].url": "HTTPS://EXAMPLE.ORG/PLAN.PDF" });
    expect(saved.status).toBe(302);
    const hubId = Number(saved.headers.get("Location")!.match(/my\/hubs\/(\d+)/)![1]);
    expect((await database.db.selectFrom("hubs").select("website").where("id", "=", hubId).executeTakeFirstOrThrow()).website).toBe("Http://Example.org");
    expect((await database.db.selectFrom("hub_documents").select("url").where("hub_id", "=", hubId).executeTakeFirstOrThrow()).url).toBe("HTTPS://EXAMPLE.ORG/PLAN.PDF");
  });
});

describe("every URL column refuses a link that is not http(s), whatever code writes it (migration 070)", () => {
  const refused = [...BAD_LINKS, "https:example.org", `https://example.org/${"a".repeat(2030)}`];
  let updateId: number;
  beforeAll(async () => {
    updateId = (await database.db.selectFrom("progress_updates").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  });
  const writes: [string, (url: string) => Promise<unknown>][] = [
    ["hubs.website (update)", (url) => database.db.updateTable("hubs").set({ website: url }).where("id", "=", bogota.id).execute()],
    [
      "hubs.website (insert)",
      async (url) => {
        const lead = await database.db.selectFrom("hubs").select("lead_organisation_id").where("id", "=", bogota.id).executeTakeFirstOrThrow();
        return database.db
          .insertInto("hubs")
          .values({ slug: `url-check-${Math.random().toString(36).slice(2)}`, status: "draft", lead_organisation_id: lead.lead_organisation_id, original_language: "en", latitude: 1, longitude: 1, start_date: "2027-01-01", end_date: "2028-01-01", website: url, updated_at: new Date() })
          .execute();
      },
    ],
    ["hub_documents.url (insert)", (url) => database.db.insertInto("hub_documents").values({ hub_id: bogota.id, position: 99, title: "Plan", url }).execute()],
    [
      "hub_documents.url (update)",
      async (url) => {
        const row = await database.db.insertInto("hub_documents").values({ hub_id: bogota.id, position: 98, title: "Plan", url: "https://example.org" }).returning("id").executeTakeFirstOrThrow();
        return database.db.updateTable("hub_documents").set({ url }).where("id", "=", row.id).execute();
      },
    ],
    ["progress_update_evidence.url (insert)", (url) => database.db.insertInto("progress_update_evidence").values({ update_id: updateId, position: 99, url, label: null }).execute()],
    [
      "progress_update_evidence.url (update)",
      async (url) => {
        const row = await database.db.insertInto("progress_update_evidence").values({ update_id: updateId, position: 98, url: "https://example.org", label: null }).returning("id").executeTakeFirstOrThrow();
        return database.db.updateTable("progress_update_evidence").set({ url }).where("id", "=", row.id).execute();
      },
    ],
  ];
  for (const [column, write] of writes) {
    it(`${column}`, async () => {
      for (const url of refused) await expect(write(url), JSON.stringify(url.slice(0, 40))).rejects.toThrow(/check constraint|violates/i);
      await expect(write("HTTPS://example.org/ok")).resolves.toBeDefined();
    });
  }
});

describe("one CSV writer: a cell a spreadsheet would run is written as text (finding 4)", () => {
  const FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "@SUM(1+1)", "+1+1", "-1+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1\n=2+2"];
  let titled: { slug: string; title: string }[];

  beforeAll(async () => {
    const { rows } = await listDashboardRows(database.db, { today, language: "en" });
    const publicSlugs = new Set(rows.map((row) => row.slug));
    const hubs = await database.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "in", [...publicSlugs]).orderBy("slug").limit(FORMULAS.length).execute();
    expect(hubs).toHaveLength(FORMULAS.length);
    titled = hubs.map((hub, index) => ({ slug: hub.slug, title: FORMULAS[index] }));
    for (const [index, hub] of hubs.entries()) {
      await database.db.updateTable("hub_translations").set({ title: FORMULAS[index] }).where("hub_id", "=", hub.id).execute();
    }
  });

  /** The cells of a CSV answer, after checking its UTF-8 byte-order mark (which Response.text() would drop). */
  async function cellsOf(response: Response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
  }

  it("escapes HUB titles in the council's export", async () => {
    const response = await callRoute(councilExportRoute.loader, database, { path: "/en/council/export", cookie: cookies.council, params: { lang: "en" } });
    expect(response.status).toBe(200);
    const rows = await cellsOf(response);
    for (const { slug, title } of titled) {
      const row = rows.find((cells) => cells[1] === slug)!;
      expect(row[0], slug).toBe(`'${title}`);
    }
  });

  it("escapes HUB titles in the public CSV, and leaves numbers (a negative longitude) as numbers", async () => {
    const response = await callRoute(publicCsvRoute.loader, database, { path: "/api/hubs.csv?lang=en" });
    expect(response.status).toBe(200);
    const [header, ...rows] = await cellsOf(response);
    const column = (name: string) => header.indexOf(name);
    for (const { slug, title } of titled) {
      const row = rows.find((cells) => cells[column("slug")] === slug)!;
      expect(row[column("title")], slug).toBe(`'${title}`);
    }
    const bogotaRow = rows.find((cells) => cells[column("slug")] === bogota.slug)!;
    expect(bogotaRow[column("longitude")]).toMatch(/^-74\.\d+$/);
  });
});

describe("form posts stay within each list's limit, their columns and the calendar (finding 11)", () => {
  function expectFastSmall400(response: Response, started: number) {
    expect(response.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(2_000);
  }

  it("refuses a huge list index on the HUB form at once, with a small answer and no rows rendered", async () => {
    for (const values of [{ "outcomes[10000].statement": "x" }, { "outcomes[50].statement": "x" }, { "documents[99999].url": "https://example.org" }, { "unknownList[100000]": "x" }]) {
      const before = await counts();
      const started = Date.now();
      const response = await postNewHub(values);
      expectFastSmall400(response, started);
      const body = await response.text();
      expect(body.length, JSON.stringify(values)).toBeLessThan(200);
      expect(body).not.toContain("outcomes");
      expect(await counts()).toEqual(before);
    }
    // The place look-up re-renders the form from whatever was posted: the same limit holds there.
    const started = Date.now();
    expectFastSmall400(await postNewHub({ intent: "findPlace", placeQuery: "Lima", "outcomes[10000].statement": "x" }), started);
    // So does a Conform list intent naming a far row.
    const body = proposalFields({ themeId: String(themeId), intent: undefined });
    body.append("__intent__", JSON.stringify({ type: "update", payload: { name: "outcomes[10000]", value: { statement: "x" } } }));
    const intent = await callRoute(newHubRoute.action, database, { path: "/es/my/hubs/new", body, cookie: cookies.city, params: { lang: "es" } });
    expect(intent.status).toBe(400);
  });

  it("keeps the last row within the limit as an ordinary form answer", async () => {
    const response = await postNewHub({ "outcomes[49].statement": "Fila 50" });
    expect(response.status).toBe(400);
    // A form answer (JSON with the errors of the rows), not the bare refusal.
    const errors = await errorsOf(response);
    expect(Object.keys(errors).some((field) => field.startsWith("outcomes["))).toBe(true);
  });

  it("refuses a huge list index on the progress form at once, with a small answer", async () => {
    for (const values of [{ "activities[10000].title": "x" }, { "evidence[20].url": "https://example.org" }, { "outcomes[50].outcomeId": String(outcomeIds[0]) }]) {
      const started = Date.now();
      const response = await postProgress(values);
      expectFastSmall400(response, started);
      expect((await response.text()).length).toBeLessThan(200);
    }
  });

  it("refuses a multiple choice repeated beyond its limit", async () => {
    const response = await postNewHub({ participants: Array.from({ length: 5_000 }, () => "1") });
    expect(response.status).toBe(400);
    expect((await response.text()).length).toBeLessThan(200);
  });

  it.each([
    ["themeId", { themeId: HUGE_ID }, "themeId"],
    ["participants", { participants: [HUGE_ID] }, "participants[0]"],
    ["synchronisedHubs", { synchronisedHubs: [HUGE_ID] }, "synchronisedHubs[0]"],
    ["version", { version: HUGE_ID }, "version"],
  ])("refuses a HUB form's %s beyond PostgreSQL's integer with an error beside it", async (_name, values, field) => {
    const response = await postNewHub(values);
    expect(response.status).toBe(400);
    expect(keys((await errorsOf(response))[field])).toContain("validation:tooBig");
  });

  it("refuses an unknown organisation, theme or HUB to synchronise with as a choice not on offer", async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ themeId: "999999" }, "themeId"],
      [{ participants: ["999999"] }, "participants"],
      [{ synchronisedHubs: ["999999"] }, "synchronisedHubs"],
    ];
    for (const [values, field] of cases) {
      const response = await postNewHub(values);
      expect(response.status).toBe(400);
      expect(keys((await errorsOf(response))[field])).toContain("validation:choice");
    }
  });

  it("refuses a sign-up joining organisation 2147483648 with an error beside the field", async () => {
    const response = await callRoute(signupRoute.action, database, {
      path: "/en/signup",
      body: { displayName: "Ana", email: "ana@example.org", password: "tranquil-otter-harbour-42", passwordConfirm: "tranquil-otter-harbour-42", language: "en", mode: "join", organisationId: HUGE_ID },
      params: { lang: "en" },
    });
    expect(response.status).toBe(400);
    expect(keys((await errorsOf(response)).organisationId)).toContain("validation:tooBig");
  });

  it.each([
    ["an outcome id beyond the column", { "outcomes[0].outcomeId": HUGE_ID }, "outcomes[0].outcomeId", "validation:tooBig"],
    ["a version beyond the column", { version: HUGE_ID }, "version", "validation:tooBig"],
    ["an activity on 30 February", { "activities[0].title": "Taller", "activities[0].heldOn": "2027-02-30" }, "activities[0].heldOn", "validation:date"],
    ["an activity in year 0", { "activities[0].title": "Taller", "activities[0].heldOn": "0000-01-01" }, "activities[0].heldOn", "validation:date"],
  ])("refuses a progress report with %s, with an error beside the field", async (_name, values, field, key) => {
    const before = await counts();
    const response = await postProgress(values);
    expect(response.status).toBe(400);
    expect(keys((await errorsOf(response))[field])).toContain(key);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a start on 30 February", { startDate: "2027-02-30" }, "startDate"],
    ["an outcome due on 31 April", { "outcomes[0].dueDate": "2028-04-31" }, "outcomes[0].dueDate"],
  ])("refuses a HUB with %s", async (_name, values, field) => {
    const response = await postNewHub(values);
    expect(response.status).toBe(400);
    expect(keys((await errorsOf(response))[field])).toContain("validation:date");
  });

  it("refuses a report naming another HUB's outcome, or none, with a localised error and nothing saved", async () => {
    for (const outcomeId of [otherHubOutcomeId, 999_999]) {
      const before = await counts();
      const response = await postProgress({ "outcomes[1].outcomeId": String(outcomeId), "outcomes[1].kind": "numeric", "outcomes[1].value": "3" });
      expect(response.status).toBe(400);
      const body = (await response.json()) as FormReply;
      expect(body.error?.[""]).toEqual(["monitoring:form.unknownOutcome"]);
      expect(body.initialValue?.narrative).toBe("Avanzamos en la red de ciclorrutas.");
      expect(await counts()).toEqual(before);
    }
    // The same on a draft being edited: its stored outcomes stay as they were.
    const edit = await postDraftEdit({ "outcomes[0].outcomeId": String(otherHubOutcomeId) });
    expect(edit.status).toBe(400);
    expect(((await edit.json()) as { result: FormReply }).result.error?.[""]).toEqual(["monitoring:form.unknownOutcome"]);
    expect((await database.db.selectFrom("progress_update_translations").select("narrative").where("update_id", "=", draftUpdateId).executeTakeFirstOrThrow()).narrative).toBe("Borrador.");
    const texts = await Promise.all((["en", "es", "fr"] as const).map(async (language) => (await getTranslator(language))("monitoring:form.unknownOutcome")));
    expect(new Set(texts).size).toBe(3);
    // The same report with the HUB's own outcomes is saved.
    const saved = await postProgress({ "outcomes[1].outcomeId": String(outcomeIds[1]), "outcomes[1].kind": "numeric", "outcomes[1].value": "3" });
    expect(saved.status).toBe(302);
  });
});

describe("migration 070 on a database that already holds bad links", () => {
  it("empties a bad website, deletes bad document and evidence rows, keeps the good ones, and then refuses new bad ones", async () => {
    const db = database.db;
    await urlChecksMigration.down(db);
    const updateId = (await db.selectFrom("progress_updates").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    await db.updateTable("hubs").set({ website: " javascript:alert(document.domain)" }).where("id", "=", bogota.id).execute();
    const badEvidence = await db.insertInto("progress_update_evidence").values({ update_id: updateId, position: 50, url: "javascript:alert(1)", label: "x" }).returning("id").executeTakeFirstOrThrow();
    const goodEvidence = await db.insertInto("progress_update_evidence").values({ update_id: updateId, position: 51, url: "https://example.org/kept", label: "y" }).returning("id").executeTakeFirstOrThrow();
    const badDocument = await db.insertInto("hub_documents").values({ hub_id: bogota.id, position: 50, title: "Long", url: `https://example.org/${"a".repeat(3000)}` }).returning("id").executeTakeFirstOrThrow();
    await urlChecksMigration.up(db);
    expect((await db.selectFrom("hubs").select("website").where("id", "=", bogota.id).executeTakeFirstOrThrow()).website).toBeNull();
    expect(await db.selectFrom("progress_update_evidence").select("id").where("id", "in", [badEvidence.id, goodEvidence.id]).execute()).toEqual([{ id: goodEvidence.id }]);
    expect(await db.selectFrom("hub_documents").select("id").where("id", "=", badDocument.id).execute()).toEqual([]);
    await expect(db.updateTable("hubs").set({ website: "javascript:alert(1)" }).where("id", "=", bogota.id).execute()).rejects.toThrow(/check constraint|violates/i);
  });
});
