import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { callStateOf, preselectedCallId, proposalStats, rankProposals, timelineFits, timeLeft } from "~/modules/calls/call-lifecycle";
import { featuredOpenCall } from "~/modules/calls/calls.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import * as adminCallRoute from "~/routes/$lang.admin.calls.$callId";
import * as adminNewCallRoute from "~/routes/$lang.admin.calls.new";
import * as callPageRoute from "~/routes/$lang.calls.$callSlug";
import * as callsRoute from "~/routes/$lang.calls._index";
import * as editRoute from "~/routes/$lang.my.hubs.$hubId";
import * as newRoute from "~/routes/$lang.my.hubs.new";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { proposalFields } from "../support/proposals";
import { callRoute, type FormValues } from "../support/routes";
import { cookieFor, loginAs, type SignedInUser } from "../support/sessions";

/**
 * Calls for proposals, on a real database: the lifecycle's rules at fixed instants, the secretariat's
 * pages, the public pages, criteria frozen once open, and submitting before and after the deadline
 * (the clock set either side of the closing instant).
 */

const OPENS = new Date("2027-03-01T09:00:00Z");
const CLOSES = new Date("2027-04-15T17:00:00Z");

function setClock(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}
afterEach(() => {
  vi.useRealTimers();
});

describe("the call lifecycle (pure)", () => {
  const call = { published: true, standing: false, opensAt: OPENS, closesAt: CLOSES, resultsPublishedAt: null };
  it("derives scheduled, open and closed from the UTC times, to the millisecond", () => {
    expect(callStateOf({ ...call, published: false }, OPENS)).toBe("draft");
    expect(callStateOf(call, new Date(OPENS.getTime() - 1))).toBe("scheduled");
    expect(callStateOf(call, OPENS)).toBe("open");
    expect(callStateOf(call, new Date(CLOSES.getTime() - 1))).toBe("open");
    expect(callStateOf(call, CLOSES)).toBe("closed");
    expect(callStateOf({ ...call, resultsPublishedAt: CLOSES }, CLOSES)).toBe("results_published");
    expect(callStateOf({ ...call, standing: true, closesAt: null }, new Date("2099-01-01T00:00:00Z"))).toBe("open");
  });
  it("counts the time left and preselects the only open (dated) call", () => {
    expect(timeLeft(CLOSES, new Date("2027-04-13T15:30:00Z"))).toMatchObject({ days: 2, hours: 1, closed: false });
    expect(timeLeft(CLOSES, CLOSES).closed).toBe(true);
    expect(preselectedCallId([{ id: 4, standing: false }])).toBe(4);
    expect(preselectedCallId([{ id: 1, standing: true }, { id: 4, standing: false }])).toBe(4);
    expect(preselectedCallId([{ id: 3, standing: false }, { id: 4, standing: false }])).toBeNull();
    expect(timelineFits("2027-01-01", "2029-12-31", 3)).toBe(true);
    expect(timelineFits("2027-01-01", "2029-01-02", 2)).toBe(false);
  });
  it("averages only members without a conflict, and ranks ties together", () => {
    const stats = proposalStats(
      [
        { reviewerId: 1, criterionId: 10, score: 5 },
        { reviewerId: 2, criterionId: 10, score: 3 },
        { reviewerId: 3, criterionId: 10, score: 1 },
        { reviewerId: 1, criterionId: 11, score: 4 },
        { reviewerId: 2, criterionId: 11, score: 4 },
      ],
      [10, 11],
      new Set([3]),
    );
    expect(stats.perCriterion.get(10)).toEqual({ count: 2, average: 4, spread: 2 });
    expect(stats.overall).toBe(4);
    expect(stats.reviewers).toBe(2);
    const ranked = rankProposals([
      { title: "B", overall: 4 },
      { title: "A", overall: 4 },
      { title: "C", overall: null },
      { title: "D", overall: 4.5 },
    ]);
    expect(ranked.map((row) => [row.title, row.rank])).toEqual([
      ["D", 1],
      ["A", 2],
      ["B", 2],
      ["C", null],
    ]);
  });
});

describe("calls on the database", () => {
  let database: TestDatabase;
  let secretariat: SignedInUser;
  let city: SignedInUser;
  let callId = 0;
  let themeId = "";
  /** A session made at the test's clock (the clock jumps months; an older session would have expired). */
  const fresh = (user: SignedInUser) => cookieFor(database, user.id);

  const callForm = (overrides: FormValues = {}): FormValues => ({
    intent: "save",
    slug: "call-2027",
    originalLanguage: "fr",
    titleFr: "Appel 2027",
    summaryFr: "Des HUBs pour la mobilité.",
    bodyFr: "Le texte complet.",
    titleEn: "Call 2027",
    opensAt: "2027-03-01T09:00",
    closesAt: "2027-04-15T17:00",
    maxTimelineYears: "3",
    eligibleKinds: ["local_government", "regional_government"],
    "criteria[0].titleFr": "Porté localement",
    "criteria[0].titleEn": "Locally driven",
    "criteria[1].titleFr": "Stratégie de communication",
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    secretariat = await loginAs(database, "secretariat", { language: "fr" });
    city = await loginAs(database, "city", { language: "es" });
    await database.db.updateTable("organisations").set({ verified_at: new Date() }).where("id", "=", city.organisationId!).execute();
  });
  afterAll(() => database?.destroy());

  it("the migration keeps continuous recognition open with a standing call", async () => {
    const standing = await database.db.selectFrom("calls").select(["slug", "standing", "published"]).where("standing", "=", true).execute();
    expect(standing).toEqual([{ slug: "continuous-recognition", standing: true, published: true }]);
  });

  it("the secretariat creates a draft call that the public does not see, then schedules it", async () => {
    setClock(new Date("2027-02-01T12:00:00Z"));
    const bad = await callRoute(adminNewCallRoute.action, database, { path: "/fr/admin/calls/new", params: { lang: "fr" }, cookie: await fresh(secretariat), body: callForm({ closesAt: "2027-02-30T10:00", "criteria[0].titleFr": "", "criteria[1].titleFr": "", "criteria[0].titleEn": "" }) });
    expect(bad.status).toBe(400);
    const errors = JSON.stringify(await bad.json());
    expect(errors).toContain("calls:errors.dateTime");
    expect(errors).toContain("calls:errors.criteriaRequired");

    const created = await callRoute(adminNewCallRoute.action, database, { path: "/fr/admin/calls/new", params: { lang: "fr" }, cookie: await fresh(secretariat), body: callForm() });
    expect(created.status, await created.clone().text()).toBe(302);
    callId = Number(/\/admin\/calls\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const call = await database.db.selectFrom("calls").selectAll().where("id", "=", callId).executeTakeFirstOrThrow();
    expect(call.opens_at.toISOString()).toBe("2027-03-01T09:00:00.000Z");
    expect(call.closes_at?.toISOString()).toBe("2027-04-15T17:00:00.000Z");
    expect([...call.eligible_kinds].sort()).toEqual(["local_government", "regional_government"]);

    const hidden = await callRoute(callPageRoute.loader, database, { path: "/es/calls/call-2027", params: { lang: "es", callSlug: "call-2027" } });
    expect(hidden.status).toBe(404);

    const page = await callRoute(adminCallRoute.loader, database, { path: `/fr/admin/calls/${callId}`, params: { lang: "fr", callId: String(callId) }, cookie: await fresh(secretariat) });
    const data = await page.json();
    expect(data.state).toBe("draft");
    // The per-field translation status: Spanish has nothing yet, English lacks its summary and text.
    expect(data.missing).toEqual({ en: ["summary", "body"], es: ["title", "summary", "body"], fr: [] });

    const scheduled = await callRoute(adminCallRoute.action, database, { path: `/fr/admin/calls/${callId}`, params: { lang: "fr", callId: String(callId) }, cookie: await fresh(secretariat), body: { intent: "schedule", version: data.version } });
    expect(scheduled.status).toBe(302);
    const audit = await database.db.selectFrom("audit_log").select(["action", "from_status", "to_status"]).where("entity", "=", "call").where("entity_id", "=", callId).orderBy("id").execute();
    expect(audit.map((row) => row.action)).toEqual(["create", "schedule"]);
    expect(audit[1]).toMatchObject({ from_status: "draft", to_status: "scheduled" });

    const list = await (await callRoute(callsRoute.loader, database, { path: "/es/calls", params: { lang: "es" } })).json();
    expect(list.calls.upcoming.map((call: { slug: string; title: string }) => [call.slug, call.title])).toEqual([["call-2027", "Appel 2027"]]);
  });

  it("features the dated call in every page's strip from the instant it opens to the instant it closes", async () => {
    // The calls are kept per data version (no write happens between these reads); which one is open
    // is judged at each request's time.
    expect(await featuredOpenCall(database.db, "es", new Date(OPENS.getTime() - 1))).toBeNull();
    expect(await featuredOpenCall(database.db, "es", OPENS)).toEqual({ slug: "call-2027", title: "Appel 2027", closesAt: CLOSES.toISOString(), count: 1 });
    expect(await featuredOpenCall(database.db, "en", new Date(CLOSES.getTime() - 1))).toMatchObject({ slug: "call-2027", title: "Call 2027" });
    expect(await featuredOpenCall(database.db, "en", CLOSES)).toBeNull();
  });

  it("freezes the criteria and the opening time once the call is open, but lets the texts change", async () => {
    setClock(new Date("2027-03-01T09:00:00Z"));
    const version = (await database.db.selectFrom("calls").select("version").where("id", "=", callId).executeTakeFirstOrThrow()).version;
    const changed = await callRoute(adminCallRoute.action, database, {
      path: `/fr/admin/calls/${callId}`,
      params: { lang: "fr", callId: String(callId) },
      cookie: await fresh(secretariat),
      body: callForm({ version: String(version), "criteria[2].titleFr": "Un critère de plus" }),
    });
    expect(changed.status).toBe(409);
    expect(JSON.stringify(await changed.json())).toContain("calls:errors.criteriaFrozen");

    const translated = await callRoute(adminCallRoute.action, database, {
      path: `/fr/admin/calls/${callId}`,
      params: { lang: "fr", callId: String(callId) },
      cookie: await fresh(secretariat),
      body: callForm({ version: String(version), titleEs: "Convocatoria 2027", summaryEs: "HUBs para la movilidad." }),
    });
    expect(translated.status, await translated.clone().text()).toBe(302);
    const page = await (await callRoute(callPageRoute.loader, database, { path: "/es/calls/call-2027", params: { lang: "es", callSlug: "call-2027" } })).json();
    expect(page.call).toMatchObject({ state: "open", title: "Convocatoria 2027", titleLanguage: "es", bodyLanguage: "fr" });
    // The strip every page shows follows the write at once.
    expect(await featuredOpenCall(database.db, "es", OPENS)).toMatchObject({ slug: "call-2027", title: "Convocatoria 2027" });
    expect(page.call.criteria.map((criterion: { title: string; language: string }) => [criterion.title, criterion.language])).toEqual([
      ["Porté localement", "fr"],
      ["Stratégie de communication", "fr"],
    ]);
    expect(page.timeLeft).toMatchObject({ days: 45, hours: 8 });
  });

  it("preselects the only open call, keeps drafts at any time and refuses a submission once the call has closed", async () => {
    // The standing call closed, so this call is the only one open.
    setClock(new Date("2027-03-02T10:00:00Z"));
    const standing = await database.db.selectFrom("calls").select(["id", "version"]).where("standing", "=", true).executeTakeFirstOrThrow();
    const closed = await callRoute(adminCallRoute.action, database, { path: `/en/admin/calls/${standing.id}`, params: { lang: "en", callId: String(standing.id) }, cookie: await fresh(secretariat), body: { intent: "close", version: standing.version } });
    expect(closed.status).toBe(302);

    const form = await (await callRoute(newRoute.loader, database, { path: "/es/my/hubs/new", params: { lang: "es" }, cookie: await fresh(city) })).json();
    expect(form.defaultValue.callId).toBe(String(callId));
    expect(form.options.calls.map((call: { id: number }) => call.id)).toEqual([callId]);

    const draft = async () => {
      const response = await callRoute(newRoute.action, database, { path: "/es/my/hubs/new", params: { lang: "es" }, cookie: await fresh(city), body: proposalFields({ themeId, callId: String(callId) }) });
      expect(response.status, await response.clone().text()).toBe(302);
      return Number(/\/my\/hubs\/(\d+)/.exec(response.headers.get("Location")!)![1]);
    };
    const submit = async (hubId: number) => {
      const hub = await database.db.selectFrom("hubs").select("version").where("id", "=", hubId).executeTakeFirstOrThrow();
      return callRoute(editRoute.action, database, {
        path: `/es/my/hubs/${hubId}`,
        params: { lang: "es", hubId: String(hubId) },
        cookie: await fresh(city),
        body: proposalFields({ intent: "submit", themeId, callId: String(callId), version: String(hub.version) }),
      });
    };
    themeId = String((await database.db.insertInto("themes").values({ slug: "mobility", name_en: "Mobility", name_es: "Movilidad", name_fr: "Mobilité", position: 0 }).returning("id").executeTakeFirstOrThrow()).id);
    const onTime = await draft();
    const late = await draft();
    expect((await database.db.selectFrom("hubs").select("call_id").where("id", "=", onTime).executeTakeFirstOrThrow()).call_id).toBe(callId);

    setClock(new Date(CLOSES.getTime() - 1));
    const accepted = await submit(onTime);
    expect(accepted.status, await accepted.clone().text()).toBe(302);
    expect((await database.db.selectFrom("hubs").select("status").where("id", "=", onTime).executeTakeFirstOrThrow()).status).toBe("submitted");

    setClock(CLOSES);
    const refused = await submit(late);
    expect(refused.status).toBe(409);
    const body = JSON.stringify(await refused.json());
    expect(body).toContain("calls:errors.callClosed");
    const t = await getTranslator("es");
    expect(t("calls:errors.callClosed")).toMatch(/convocatoria está cerrada/);
    expect((await database.db.selectFrom("hubs").select("status").where("id", "=", late).executeTakeFirstOrThrow()).status).toBe("draft");

    // A draft may still be saved after the call has closed.
    const hub = await database.db.selectFrom("hubs").select("version").where("id", "=", late).executeTakeFirstOrThrow();
    const saved = await callRoute(editRoute.action, database, {
      path: `/es/my/hubs/${late}`,
      params: { lang: "es", hubId: String(late) },
      cookie: await fresh(city),
      body: proposalFields({ themeId, callId: String(callId), version: String(hub.version), summary: "Resumen corregido." }),
    });
    expect(saved.status, await saved.clone().text()).toBe(302);
  });
});
