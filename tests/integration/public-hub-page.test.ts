import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "~/modules/config/env.server";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

const context = () => ({ db: database.db, dbKind: database.kind, env: parseEnv({}) });
const SLUG = "bogota-cycle-network";

async function hubPage(language: "en" | "es" | "fr") {
  const response = (await hubPageLoader({ request: new Request(`http://localhost/${language}/hubs/${SLUG}`), params: { lang: language, slug: SLUG }, context: context() } as never)) as Response;
  return response.json();
}

describe("the public HUB page", () => {
  it("shows the communication plan, and a new event reaches the open data at once (its ETag changes)", async () => {
    const hub = await database.db.selectFrom("hubs").select(["id"]).where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const before = await hubPage("fr");
    expect(before.communication.events).toEqual([]);
    const jsonRequest = () => new Request(`http://localhost/api/hubs/${SLUG}.json`);
    const firstEtag = ((await hubJsonLoader({ request: jsonRequest(), params: { file: `${SLUG}.json` }, context: context() } as never)) as Response).headers.get("ETag");

    await database.db.insertInto("hub_events").values({ hub_id: hub.id, position: 0, name: "Foro ciudadano <b>abierto</b>", event_date: "2027-03-15" }).execute();

    const after = await hubPage("fr");
    expect(after.communication.events).toEqual([{ name: "Foro ciudadano <b>abierto</b>", date: "2027-03-15" }]);
    expect(after.approvedChanges).toEqual([]);
    const secondEtag = ((await hubJsonLoader({ request: jsonRequest(), params: { file: `${SLUG}.json` }, context: context() } as never)) as Response).headers.get("ETag");
    expect(firstEtag).toBeTruthy();
    expect(secondEtag).not.toBe(firstEtag);
  });
});
