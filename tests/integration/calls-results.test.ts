import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toSessionUser } from "~/modules/accounts/session.server";
import { changeCallState } from "~/modules/calls/calls.server";
import { transition } from "~/modules/hubs/lifecycle.server";
import { runScheduledJobs } from "~/modules/progress/jobs.server";
import * as callPageRoute from "~/routes/$lang.calls.$callSlug";
import * as icsRoute from "~/routes/$lang.calls.$callSlug_.deadline[.]ics";
import * as feedRoute from "~/routes/$lang.calls.feed[.]xml";
import * as statsRoute from "~/routes/$lang.council.calls";
import * as statsCsvRoute from "~/routes/$lang.council.calls[.]csv";
import { cookieFor } from "../support/sessions";
import { CallConflictError } from "~/modules/calls/calls.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { submittedProposal } from "../support/calls";

/**
 * A call's announcement and results, on a real database: the announcement when the call opens and the
 * results notices each go out once, in each recipient's language, even with two job runners racing;
 * results are published for the whole call once it has closed and every proposal is decided.
 */
describe("announcing a call and publishing its results", () => {
  let database: TestDatabase;
  let callId = 0;
  let secretariatId = 0;
  const hubs = { lima: 0, quito: 0 };
  const OPENS = new Date("2027-03-01T09:00:00Z");
  const CLOSES = new Date("2027-04-15T17:00:00Z");
  const at = (iso: string) => {
    vi.setSystemTime(new Date(iso));
    return new Date(iso);
  };
  const race = async (now: Date) => Promise.all([runScheduledJobs(database.db, { now, origin: "https://hubs.example.org" }), runScheduledJobs(database.db, { now, origin: "https://hubs.example.org" })]);
  // French typography puts no-break spaces before ":" and inside « »: compared here as plain spaces.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  const outbox = async (kind: string) =>
    (await database.db.selectFrom("outbox").select(["to_address", "subject", "body_text", "language"]).where("kind", "=", kind).orderBy("to_address").execute()).map((message) => ({
      ...message,
      subject: plain(message.subject),
      body_text: plain(message.body_text),
    }));

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2027-02-20T12:00:00Z");
    database = await createTestDatabase();
    const db = database.db;
    secretariatId = (await createUser(db, { role: "secretariat" })).id;
    const call = await db
      .insertInto("calls")
      .values({ slug: "call-2027", original_language: "en", published: true, opens_at: OPENS, closes_at: CLOSES, eligible_kinds: ["local_government"], updated_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    callId = call.id;
    await db
      .insertInto("call_translations")
      .values([
        { call_id: callId, language: "en", title: "Call 2027", summary: "HUBs for clean mobility." },
        { call_id: callId, language: "es", title: "Convocatoria 2027", summary: "HUBs para la movilidad limpia." },
      ])
      .execute();
    await db.insertInto("call_criteria").values({ call_id: callId, position: 0, title_en: "Locally driven" }).execute();
    // Lima (Spanish) and Quito (French) apply; an association and an unverified city are not told of the call.
    hubs.lima = (await submittedProposal(db, callId, { city: "Lima", country: "PE", language: "es" })).hubId;
    hubs.quito = (await submittedProposal(db, callId, { city: "Quito", country: "EC", language: "fr" })).hubId;
    const association = await db
      .insertInto("organisations")
      .values({ name: "Association", kind: "association", country_code: "FR", region: "europe", city: "Paris", latitude: 48.85, longitude: 2.35, verified_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await createUser(db, { role: "city", organisationId: association.id });
    await createUser(db, { role: "city" }); // its organisation is not verified
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database?.destroy();
  });

  it("announces the call once when it opens, to eligible verified organisations, each in their language", async () => {
    await race(at("2027-03-01T08:59:00Z"));
    expect(await outbox("call_opened")).toEqual([]);
    await race(at("2027-03-01T09:00:00Z"));
    await race(at("2027-03-01T09:01:00Z"));
    const sent = await outbox("call_opened");
    expect(sent.map((message) => [message.to_address.split("-")[2], message.language, message.subject])).toEqual([
      ["lima@example.org", "es", "Convocatoria abierta: Convocatoria 2027"],
      ["quito@example.org", "fr", "Appel à propositions ouvert : Call 2027"],
    ]);
    expect(sent[0].body_text).toContain("https://hubs.example.org/es/calls/call-2027");
    expect(sent[0].body_text).toContain("15 de abril de 2027, 17:00 UTC");
  });

  it("publishes results only once the call has closed and every proposal is decided, then tells each applicant once", async () => {
    const db = database.db;
    const secretariat = toSessionUser(await db.selectFrom("users").selectAll().where("id", "=", secretariatId).executeTakeFirstOrThrow());
    const version = async () => (await db.selectFrom("calls").select("version").where("id", "=", callId).executeTakeFirstOrThrow()).version;

    const whileOpen = at("2027-04-01T10:00:00Z");
    await expect(changeCallState(db, secretariatId, callId, "publishResults", await version(), whileOpen)).rejects.toThrow(CallConflictError);

    await transition(db, secretariat, hubs.lima, "recognise", { comment: "Bienvenidos" });
    const closed = at("2027-04-20T10:00:00Z");
    // Quito is not decided yet.
    await expect(changeCallState(db, secretariatId, callId, "publishResults", await version(), closed)).rejects.toThrow(CallConflictError);
    await transition(db, secretariat, hubs.quito, "decline", { comment: "Pas cette fois" });
    await expect(changeCallState(db, secretariatId, callId, "publishResults", (await version()) - 1, closed)).rejects.toThrow(CallConflictError);
    expect(await changeCallState(db, secretariatId, callId, "publishResults", await version(), closed)).toEqual({ from: "closed", to: "results_published" });

    await race(at("2027-04-20T10:01:00Z"));
    await race(at("2027-04-20T10:02:00Z"));
    const notices = await outbox("call_results");
    expect(notices.map((message) => [message.language, message.subject])).toEqual([
      ["es", "Resultados de la convocatoria Convocatoria 2027"],
      ["fr", "Résultats de l’appel Call 2027"],
    ]);
    expect(notices[0].body_text).toContain("«Proposal Lima»: reconocida");
    expect(notices[1].body_text).toContain("« Proposal Quito » : refusée");

    const page = await (await callRoute(callPageRoute.loader, database, { path: "/es/calls/call-2027", params: { lang: "es", callSlug: "call-2027" } })).json();
    expect(page.call.state).toBe("results_published");
    expect(page.results.hubs.map((hub: { title: string }) => hub.title)).toEqual(["Proposal Lima"]);
    expect(page.results.byRegion).toEqual([{ region: "latin_america", count: 1 }]);
    expect(page.results.byGoal).toEqual([{ goal: 11, count: 1 }]);
  });

  it("lists the call in the Atom feed, gives its deadline as an .ics event and counts it in the statistics", async () => {
    const feed = await callRoute(feedRoute.loader, database, { path: "/fr/calls/feed.xml", params: { lang: "fr" } });
    expect(feed.headers.get("Content-Type")).toContain("application/atom+xml");
    const xml = plain(await feed.text());
    expect(xml).toContain("<title>Call 2027 (Résultats publiés)</title>");
    expect(xml).toContain('href="http://localhost:3000/fr/calls/call-2027"');

    const ics = await callRoute(icsRoute.loader, database, { path: "/es/calls/call-2027/deadline.ics", params: { lang: "es", callSlug: "call-2027" } });
    expect(ics.headers.get("Content-Type")).toContain("text/calendar");
    const event = await ics.text();
    expect(event).toContain("DTSTART:20270415T170000Z");
    expect(event).toContain("SUMMARY:Fecha límite: Convocatoria 2027");

    const secretariat = await cookieFor(database, secretariatId);
    const stats = await (await callRoute(statsRoute.loader, database, { path: `/en/council/calls?call=${callId}`, params: { lang: "en" }, cookie: secretariat })).json();
    expect(stats.callId).toBe(callId);
    expect(stats.stats.byStatus).toEqual([
      { key: "declined", count: 1 },
      { key: "recognised", count: 1 },
    ]);
    expect(stats.stats.bySdg).toEqual([{ key: 11, count: 2 }]);
    // The proposals were inserted as submitted (no "submit" in the audit log): no decision time to measure.
    expect(stats.stats.decisionDays).toEqual({ decided: 0, median: null });
    const csv = await (await callRoute(statsCsvRoute.loader, database, { path: `/en/council/calls.csv?call=${callId}`, params: { lang: "en" }, cookie: secretariat })).text();
    expect(csv.split(/\r?\n/)).toContain("status,recognised,Recognised,1");
  });
});
