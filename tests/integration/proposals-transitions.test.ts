import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSessionUser, type SessionUser } from "~/modules/accounts/session.server";
import { TRANSITIONS, transition, type Transition } from "~/modules/hubs/lifecycle.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";

// The workflow's rules, tried exhaustively: every transition, by every kind of user, from the
// statuses a HUB spends its life in after submission.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

async function sessionUser(id: number): Promise<SessionUser> {
  const row = await database.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return toSessionUser(row);
}

async function version(hubId: number) {
  return database.db.selectFrom("hubs").select(["version", "status"]).where("id", "=", hubId).executeTakeFirstOrThrow();
}

describe("every transition by every role, on a submitted and on a recognised HUB", () => {
  type Actor = "cityOfLead" | "otherCity" | "council" | "secretariat";
  const users = {} as Record<Actor, SessionUser>;
  beforeAll(async () => {
    users.cityOfLead = await sessionUser((await createUser(database.db, { role: "city" })).id);
    users.otherCity = await sessionUser((await createUser(database.db, { role: "city" })).id);
    users.council = await sessionUser((await createUser(database.db, { role: "council" })).id);
    users.secretariat = await sessionUser((await createUser(database.db, { role: "secretariat" })).id);
  });
  const actors: Record<Actor, () => SessionUser> = { cityOfLead: () => users.cityOfLead, otherCity: () => users.otherCity, council: () => users.council, secretariat: () => users.secretariat };
  // Written out rather than read from TRANSITIONS, so that a change of the rules fails here.
  const allowed: Record<"submitted" | "recognised", Record<Transition, Actor[]>> = {
    // `complete` follows an accepted final report, which the council accepts (completeAfterFinalReport); no form posts it.
    submitted: { submit: [], request_changes: ["secretariat"], recognise: ["secretariat"], decline: ["secretariat"], withdraw: ["cityOfLead"], complete: [] },
    recognised: { submit: [], request_changes: [], recognise: [], decline: [], withdraw: ["cityOfLead"], complete: ["council", "secretariat"] },
  };

  async function hubIn(status: "submitted" | "recognised") {
    const hub = await createHub(database.db, { organisationId: users.cityOfLead.organisationId!, startDate: "2027-01-01", endDate: "2028-12-31" });
    await database.db.updateTable("hubs").set({ status }).where("id", "=", hub.id).execute();
    return hub.id;
  }
  const auditRows = async (hubId: number) => database.db.selectFrom("audit_log").select(["action", "from_status", "to_status"]).where("hub_id", "=", hubId).execute();

  for (const from of ["submitted", "recognised"] as const) {
    for (const name of Object.keys(TRANSITIONS) as Transition[]) {
      for (const actor of Object.keys(actors) as Actor[]) {
        const passes = allowed[from][name].includes(actor);
        it(`${name} on a ${from} HUB by ${actor}: ${passes ? "done, audited" : "refused, nothing written"}`, async () => {
          const hubId = await hubIn(from);
          const attempt = transition(database.db, actors[actor](), hubId, name, { comment: "Un mensaje" });
          if (passes) {
            await expect(attempt).resolves.toEqual({ from, to: TRANSITIONS[name].to });
            expect((await version(hubId)).status).toBe(TRANSITIONS[name].to);
            expect(await auditRows(hubId)).toEqual([{ action: name, from_status: from, to_status: TRANSITIONS[name].to }]);
          } else {
            // Another city is never told the HUB exists.
            await expect(attempt).rejects.toMatchObject({ reason: actor === "otherCity" ? "notFound" : expect.stringMatching(/^(notAllowed|wrongStatus)$/) });
            expect((await version(hubId)).status).toBe(from);
            expect(await auditRows(hubId)).toEqual([]);
          }
        });
      }
    }
  }

  it("covers every transition there is", () => {
    expect(Object.keys(allowed.submitted).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });
});
