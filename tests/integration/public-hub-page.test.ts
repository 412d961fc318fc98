import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

const SLUG = "bogota-cycle-network";

async function hubPage(language: "en" | "es" | "fr") {
  const response = await callRoute(hubPageLoader, database, { path: `/${language}/hubs/${SLUG}`, params: { lang: language, slug: SLUG } });
  return response.json();
}

async function openDataEtag() {
  const response = await callRoute(hubJsonLoader, database, { path: `/api/hubs/${SLUG}.json`, params: { file: `${SLUG}.json` } });
  return response.headers.get("ETag");
}

describe("the public HUB page", () => {
  it("shows the communication plan, and a new event reaches the open data at once (its ETag changes)", async () => {
    const hub = await database.db.selectFrom("hubs").select(["id"]).where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const before = await hubPage("fr");
    expect(before.communication.events).toEqual([]);
    const firstEtag = await openDataEtag();

    await database.db.insertInto("hub_events").values({ hub_id: hub.id, position: 0, name: "Foro ciudadano <b>abierto</b>", event_date: "2027-03-15" }).execute();

    const after = await hubPage("fr");
    expect(after.communication.events).toEqual([{ name: "Foro ciudadano <b>abierto</b>", date: "2027-03-15" }]);
    expect(after.approvedChanges).toEqual([]);
    const secondEtag = await openDataEtag();
    expect(firstEtag).toBeTruthy();
    expect(secondEtag).not.toBe(firstEtag);
  });
});
