import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as evaluationCsvRoute from "~/routes/$lang.admin.calls.$callId_.evaluation[.]csv";
import * as evaluationRoute from "~/routes/$lang.admin.calls.$callId_.evaluation";
import * as scoringRoute from "~/routes/$lang.evaluation.$hubId";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute, type FormValues } from "../support/routes";
import { cookieFor } from "../support/sessions";
import { createOpenCall, submittedProposal } from "../support/calls";

/**
 * The council's evaluation of a call, on a real database: the secretariat assigns members, conflicts
 * are flagged and declared (then not counted), only assigned members score every criterion, and the
 * averages, spreads and ranking (and its CSV) follow.
 */
describe("evaluating the proposals of a call", () => {
  let database: TestDatabase;
  let callId: number;
  let criteria: number[];
  const people = { secretariat: 0, alice: 0, bruno: 0, chen: 0, outsider: 0 };
  const hubs = { lima: 0, quito: 0 };

  const as = async (who: keyof typeof people) => cookieFor(database, people[who]);
  const assign = async (hubId: number, reviewer: keyof typeof people) => {
    const response = await callRoute(evaluationRoute.action, database, {
      path: `/en/admin/calls/${callId}/evaluation`,
      params: { lang: "en", callId: String(callId) },
      cookie: await as("secretariat"),
      body: { intent: "assign", hubId, reviewerId: people[reviewer] },
    });
    expect(response.status, await response.clone().text()).toBe(302);
  };
  const score = async (who: keyof typeof people, hubId: number, scores: number[], recommendation = "recognise", extra: FormValues = {}) =>
    callRoute(scoringRoute.action, database, {
      path: `/en/evaluation/${hubId}`,
      params: { lang: "en", hubId: String(hubId) },
      cookie: await as(who),
      body: {
        intent: "score",
        ...Object.fromEntries(scores.flatMap((value, index) => [[`scores[${index}].criterionId`, criteria[index]], [`scores[${index}].score`, value], [`scores[${index}].comment`, `note ${index}`]])),
        recommendation,
        comment: "Overall",
        ...extra,
      },
    });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-03-10T12:00:00Z"));
    database = await createTestDatabase();
    ({ callId, criteria } = await createOpenCall(database.db, { criteria: 2 }));
    const lima = await submittedProposal(database.db, callId, { city: "Lima", country: "PE" });
    const quito = await submittedProposal(database.db, callId, { city: "Quito", country: "EC" });
    hubs.lima = lima.hubId;
    hubs.quito = quito.hubId;
    people.secretariat = (await createUser(database.db, { role: "secretariat" })).id;
    people.alice = (await createUser(database.db, { role: "council" })).id;
    people.bruno = (await createUser(database.db, { role: "council" })).id;
    // Chen belongs to Lima's own organisation: the registry flags it.
    people.chen = (await createUser(database.db, { role: "council", organisationId: lima.organisationId })).id;
    people.outsider = (await createUser(database.db, { role: "council" })).id;
  });
  afterEach(() => {
    vi.setSystemTime(new Date("2027-03-10T12:00:00Z"));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database?.destroy();
  });

  it("lets only assigned members score, flags the same organisation and drops a declared conflict from the counts", async () => {
    await assign(hubs.lima, "alice");
    await assign(hubs.lima, "bruno");
    await assign(hubs.lima, "chen");
    await assign(hubs.quito, "alice");
    await assign(hubs.lima, "alice"); // twice: still one assignment

    // A member not assigned gets a 404; a missing criterion is refused beside the form.
    expect((await score("outsider", hubs.lima, [5, 5])).status).toBe(404);
    const partial = await score("alice", hubs.lima, [5]);
    expect(partial.status).toBe(400);
    expect(JSON.stringify(await partial.json())).toContain("calls:errors.scoreEveryCriterion");
    const outOfRange = await score("alice", hubs.lima, [6, 5]);
    expect(outOfRange.status).toBe(400);

    expect((await score("alice", hubs.lima, [5, 4])).status).toBe(302);
    expect((await score("bruno", hubs.lima, [3, 4], "changes")).status).toBe(302);
    expect((await score("alice", hubs.quito, [2, 3], "decline")).status).toBe(302);

    const sheet = await (await callRoute(scoringRoute.loader, database, { path: `/en/evaluation/${hubs.lima}`, params: { lang: "en", hubId: String(hubs.lima) }, cookie: await as("chen") })).json();
    expect(sheet.sheet.flags).toEqual({ sameOrganisation: true, sameCountry: true });
    expect((await score("chen", hubs.lima, [1, 1], "decline")).status).toBe(302);
    const declared = await callRoute(scoringRoute.action, database, {
      path: `/en/evaluation/${hubs.lima}`,
      params: { lang: "en", hubId: String(hubs.lima) },
      cookie: await as("chen"),
      body: { intent: "conflict", conflict: "yes", note: "I work for Lima" },
    });
    expect(declared.status).toBe(302);
    // Once declared, the member can no longer score.
    const after = await score("chen", hubs.lima, [1, 1]);
    expect(after.status).toBe(409);

    const page = await (await callRoute(evaluationRoute.loader, database, { path: `/en/admin/calls/${callId}/evaluation`, params: { lang: "en", callId: String(callId) }, cookie: await as("alice") })).json();
    const [first, second] = page.evaluation.proposals;
    expect([first.title, first.rank, first.overall, first.reviewers]).toEqual(["Proposal Lima", 1, 4, 2]);
    expect(first.perCriterion.map((stats: { average: number; spread: number }) => [stats.average, stats.spread])).toEqual([
      [4, 2],
      [4, 0],
    ]);
    expect(first.recommendations).toEqual({ recognise: 1, changes: 1, decline: 0 });
    expect(first.assigned.find((member: { reviewerId: number }) => member.reviewerId === people.chen)).toMatchObject({ conflict: true, flags: { sameOrganisation: true } });
    expect([second.title, second.rank, second.overall]).toEqual(["Proposal Quito", 2, 2.5]);

    const byCity = await (await callRoute(evaluationRoute.loader, database, { path: `/en/admin/calls/${callId}/evaluation?sort=city`, params: { lang: "en", callId: String(callId) }, cookie: await as("secretariat") })).json();
    expect(byCity.evaluation.proposals.map((row: { city: string }) => row.city)).toEqual(["Lima", "Quito"]);

    const csv = await callRoute(evaluationCsvRoute.loader, database, { path: `/en/admin/calls/${callId}/evaluation.csv`, params: { lang: "en", callId: String(callId) }, cookie: await as("secretariat") });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("rank,proposal,city,country,status,overall_average,criterion_1_average,criterion_1_spread,criterion_2_average,criterion_2_spread,members_counted,recommend_recognise,recommend_changes,recommend_decline");
    expect(lines[1]).toBe("1,Proposal Lima,Lima,PE,submitted,4,4,2,4,0,2,1,1,0");
  });

  it("refuses to assign anyone but a council member, and only the secretariat assigns", async () => {
    const notCouncil = await callRoute(evaluationRoute.action, database, {
      path: `/en/admin/calls/${callId}/evaluation`,
      params: { lang: "en", callId: String(callId) },
      cookie: await as("secretariat"),
      body: { intent: "assign", hubId: hubs.quito, reviewerId: people.secretariat },
    });
    expect(notCouncil.status).toBe(400);
    const byCouncil = await callRoute(evaluationRoute.action, database, {
      path: `/en/admin/calls/${callId}/evaluation`,
      params: { lang: "en", callId: String(callId) },
      cookie: await as("alice"),
      body: { intent: "assign", hubId: hubs.quito, reviewerId: people.bruno },
    });
    expect(byCouncil.status).toBe(403);
  });
});
