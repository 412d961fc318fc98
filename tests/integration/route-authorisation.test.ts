/// <reference types="vite/client" />
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "~/modules/accounts/session.server";
import { parseEnv } from "~/modules/config/env.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import * as permissions from "~/modules/permissions/permissions.server";
import { periodKey } from "~/modules/progress/calendar";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { discoverRoutes, pathPattern as routePathPattern, type DiscoveredRoute } from "../support/route-manifest";

/**
 * Every route of the app, read from the same route discovery the Remix compiler uses, called as each kind of
 * visitor: its loader with a GET, its action with a POST of an empty form. The answers must be the ones in
 * TABLE (docs/decisions/015-permissions.md): anonymous → the login page, a role that may never → 403, another
 * city's object → 404. A new route without a row, or a row whose route is gone, fails; so does a loader or
 * action that answers without asking `requirePermission`.
 */

vi.mock("~/modules/permissions/permissions.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/modules/permissions/permissions.server")>();
  return { ...original, requirePermission: vi.fn(original.requirePermission) };
});

type Visitor = "anonymous" | "cityA" | "cityB" | "council" | "secretariat";
const VISITORS: Visitor[] = ["anonymous", "cityA", "cityB", "council", "secretariat"];
/** A status, "login" (302 to the login page, coming back after) or "redirect" (any other 3xx). */
type Outcome = number | "login" | "redirect";
type Expected = Outcome | Record<Visitor, Outcome>;

const NO_METHOD = 405;
const everyone = (outcome: Outcome): Expected => outcome;
/** Signed-in visitors get `outcome`; anonymous ones are sent to log in. */
const signedIn = (outcome: Outcome): Expected => ({ anonymous: "login", cityA: outcome, cityB: outcome, council: outcome, secretariat: outcome });
/** Only `roles` get `outcome`; the other signed-in roles a 403 (the role may never), anonymous ones the login page. */
function only(roles: ("city" | "council" | "secretariat")[], outcome: Outcome, overrides: Partial<Record<Visitor, Outcome>> = {}): Expected {
  const role = (visitor: Visitor) => (visitor === "cityA" || visitor === "cityB" ? "city" : visitor);
  const entries = VISITORS.map((visitor) => [visitor, visitor === "anonymous" ? "login" : roles.includes(role(visitor) as never) ? outcome : 403]);
  return { ...(Object.fromEntries(entries) as Record<Visitor, Outcome>), ...overrides };
}
const anonymousOnly = (outcome: Outcome): Expected => ({ anonymous: outcome, cityA: "redirect", cityB: "redirect", council: "redirect", secretariat: "redirect" });

interface Row {
  /** Query string added to the URL (some pages need one to show anything). */
  query?: () => string;
  get: Expected;
  post: Expected;
}

/** One row per route id (as the Remix compiler names them). The HUB is city A's, recognised; the update is its submitted report. */
const TABLE: Record<string, Row> = {
  "routes/_index": { get: everyone("redirect"), post: NO_METHOD },
  "routes/healthz": { get: everyone(200), post: NO_METHOD },
  "routes/readyz": { get: everyone(200), post: NO_METHOD },
  "routes/map.countries.$file": { get: everyone(200), post: NO_METHOD },
  "routes/api.map": { get: everyone(200), post: NO_METHOD },
  "routes/api.hubs[.]csv": { get: everyone(200), post: NO_METHOD },
  "routes/api.hubs[.]geojson": { get: everyone(200), post: NO_METHOD },
  "routes/api.hubs.$file": { get: everyone(200), post: NO_METHOD },
  "routes/$lang": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.$": { get: everyone(404), post: NO_METHOD },
  "routes/$lang._index": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.about": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.open-data": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.embed": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.feed[.]xml": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.hubs.$slug": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.reports.$year": { get: everyone(200), post: NO_METHOD },

  "routes/$lang.login": { get: anonymousOnly(200), post: everyone(400) },
  "routes/$lang.signup": { get: anonymousOnly(200), post: everyone(400) },
  // An unknown confirmation link is "gone" (410); an empty form is refused before the token is looked at.
  "routes/$lang.signup_.confirm.$token": { get: everyone(410), post: everyone(400) },
  "routes/$lang.logout": { get: everyone("redirect"), post: everyone("redirect") },
  "routes/$lang.password.forgot": { get: everyone(200), post: everyone(400) },
  "routes/$lang.password.reset.$token": { get: everyone(200), post: everyone(400) },
  // An unknown invitation is "gone" (410); an empty form is refused before the token is looked at.
  "routes/$lang.invitations.$token": { get: everyone(410), post: everyone(400) },

  // The code page without a session awaiting a code sends everyone back to the login page.
  "routes/$lang.login_.code": { get: everyone("login"), post: everyone(400) },
  "routes/$lang.account": { get: signedIn(200), post: signedIn(400) },
  "routes/$lang.account_.two-factor": { get: signedIn(200), post: signedIn(400) },
  "routes/$lang.account_.sessions": { get: signedIn(200), post: signedIn(400) },
  "routes/$lang.notifications": { get: signedIn(200), post: signedIn("redirect") },
  "routes/$lang.places": { query: () => "?q=lima", get: signedIn(200), post: NO_METHOD },

  "routes/$lang.my.hubs._index": { get: only(["city"], 200), post: NO_METHOD },
  "routes/$lang.my.hubs.new": { get: only(["city"], 200), post: only(["city"], 400) },
  "routes/$lang.my.hubs.$hubId": { get: only(["city"], 200, { cityB: 404 }), post: only(["city"], 400, { cityB: 404 }) },
  "routes/$lang.review._index": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  // A POST without an intent is a bad request for those who may use the page.
  "routes/$lang.review.$hubId": { get: only(["council", "secretariat"], 200), post: only(["council", "secretariat"], 400) },

  "routes/$lang.progress._index": { get: only(["city"], 200), post: NO_METHOD },
  "routes/$lang.progress.$hubId.new": {
    query: () => `?period=${encodeURIComponent(fixtures.openPeriod)}`,
    get: only(["city"], 200, { cityB: 404 }),
    post: only(["city"], 400, { cityB: 404 }),
  },
  "routes/$lang.progress.updates.$updateId": {
    get: only(["city", "council", "secretariat"], 200, { cityB: 404 }),
    post: only(["city", "council", "secretariat"], 400, { cityB: 404 }),
  },
  "routes/$lang.council._index": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  "routes/$lang.council.export": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  "routes/$lang.council.hubs.$hubId.cadence": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },

  "routes/$lang.admin.organisations": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.accounts._index": { get: only(["secretariat"], 200), post: NO_METHOD },
  "routes/$lang.admin.accounts.$userId": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.invitations": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.outbox": { get: only(["secretariat"], 200), post: NO_METHOD },
  "routes/$lang.admin.themes": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.translations": { get: only(["secretariat"], 200), post: NO_METHOD },

  // Calls for proposals (the call is the migration's standing call).
  "routes/$lang.calls._index": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.calls.$callSlug": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.calls.feed[.]xml": { get: everyone(200), post: NO_METHOD },
  // The standing call has no deadline: no calendar event.
  "routes/$lang.calls.$callSlug_.deadline[.]ics": { get: everyone(404), post: NO_METHOD },
  "routes/$lang.admin.calls._index": { get: only(["secretariat"], 200), post: NO_METHOD },
  "routes/$lang.admin.calls.new": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.calls.$callId": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  // The council reads the ranking; only the secretariat assigns members.
  "routes/$lang.admin.calls.$callId_.evaluation": { get: only(["council", "secretariat"], 200), post: only(["council", "secretariat"], 400, { council: 403 }) },
  "routes/$lang.admin.calls.$callId_.evaluation[.]csv": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  "routes/$lang.council.calls": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  "routes/$lang.council.calls[.]csv": { get: only(["council", "secretariat"], 200), post: NO_METHOD },
  "routes/$lang.evaluation._index": { get: only(["council"], 200), post: NO_METHOD },
  // Not assigned to the HUB: as if it did not exist.
  "routes/$lang.evaluation.$hubId": { get: only(["council"], 404), post: only(["council"], 404) },
  // The HUB network (issue 16).
  "routes/api.hubs.$slug.badge[.]svg": { get: everyone(200), post: everyone(405) },
  "routes/$lang.hubs.$slug_.certificate": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.events": { get: everyone(200), post: NO_METHOD },
  "routes/$lang.events[.]ics": { get: everyone(200), post: NO_METHOD },
  // The fixture file name is not an event's (an unknown one is a 404 for everyone).
  "routes/$lang.events_.$file": { get: everyone(404), post: NO_METHOD },
  "routes/$lang.admin.events": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  // No thread in the fixture: the list is readable by anyone, an empty post is refused (a city's organisation here is verified).
  "routes/$lang.exchange": { get: everyone(200), post: only(["city", "council", "secretariat"], 400) },
  // An unknown thread: a members' thread for all an anonymous visitor knows (log in), a 404 for members; an empty form is a 400.
  "routes/$lang.exchange_.$threadId": { get: signedIn(404), post: signedIn(400) },
  // The open reports; an empty form is a 400.
  "routes/$lang.admin.exchange-reports": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.synchronisation": { get: only(["city"], 200), post: only(["city"], 400) },
  "routes/$lang.admin.policy-councils": { get: only(["secretariat"], 200), post: only(["secretariat"], 400) },
  "routes/$lang.admin.hubs.$hubId.policy-councils": { get: only(["secretariat"], 200), post: only(["secretariat"], "redirect") },
};

const routes = await discoverRoutes();
const byId = new Map(routes.map((route) => [route.id, route]));
const modules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}");

const pathPattern = (route: DiscoveredRoute) => routePathPattern(route, routes);

const fixtures = { hubId: 0, hubSlug: "", updateId: 0, openPeriod: "", callId: 0, callSlug: "" };

function paramsFor(route: DiscoveredRoute): Record<string, string> {
  const values: Record<string, string> = {
    lang: "en",
    hubId: String(fixtures.hubId),
    updateId: String(fixtures.updateId),
    threadId: "999999",
    userId: String(userIds.cityA),
    slug: fixtures.hubSlug,
    callId: String(fixtures.callId),
    callSlug: fixtures.callSlug,
    token: "no-such-token-0000000000000000000000",
    year: isoToday().slice(0, 4),
    file: route.id === "routes/map.countries.$file" ? "110m.geojson" : `${fixtures.hubSlug}.json`,
    "*": "no-such-page",
  };
  const params: Record<string, string> = {};
  for (const match of pathPattern(route).matchAll(/:(\w+)|\*/g)) {
    const name = match[1] ?? "*";
    params[name] = values[name];
  }
  return params;
}

function urlFor(route: DiscoveredRoute, params: Record<string, string>) {
  const pathname = pathPattern(route)
    .replace(/:(\w+)/g, (_, name: string) => params[name])
    .replace("*", params["*"] ?? "");
  return `${pathname}${TABLE[route.id]?.query?.() ?? ""}`;
}

let database: TestDatabase;
const env = parseEnv({});
const context = () => ({ db: database.db, dbKind: database.kind, env }) as unknown as AppLoadContext;
const userIds: Partial<Record<Visitor, number>> = {};

/** A fresh session for every call: the logout route ends the one it is given. */
async function cookieOf(visitor: Visitor): Promise<string | undefined> {
  if (visitor === "anonymous") return undefined;
  return (await createSession(context(), userIds[visitor]!, new Request("http://localhost/"))).split(";")[0];
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const organisation = async (name: string) =>
    (
      await db
        .insertInto("organisations")
        .values({ name, kind: "local_government", country_code: "CO", region: "latin_america", city: name, latitude: 4.6, longitude: -74.1, verified_at: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const user = async (email: string, role: "city" | "council" | "secretariat", organisationId: number | null) =>
    (
      await db
        .insertInto("users")
        .values({ email, password_hash: "x", display_name: email, role, organisation_id: organisationId, preferred_language: "en" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const cityA = await organisation("Ciudad A");
  const cityB = await organisation("Ciudad B");
  userIds.cityA = await user("a@city.test", "city", cityA);
  userIds.cityB = await user("b@city.test", "city", cityB);
  userIds.council = await user("council@l4a.test", "council", null);
  userIds.secretariat = await user("secretariat@l4a.test", "secretariat", null);

  // City A's recognised HUB, started two years ago, so reporting periods are open.
  const today = isoToday();
  const year = Number(today.slice(0, 4));
  const startDate = `${year - 2}-01-01`;
  const endDate = `${year + 2}-12-31`;
  const hub = await db
    .insertInto("hubs")
    .values({
      slug: "ciudad-a-green-corridors",
      status: "recognised",
      lead_organisation_id: cityA,
      original_language: "en",
      latitude: 4.6,
      longitude: -74.1,
      start_date: startDate,
      end_date: endDate,
      updated_at: new Date(),
      recognised_at: new Date(`${startDate}T00:00:00Z`),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  await db.insertInto("hub_translations").values({ hub_id: hub.id, language: "en", title: "Green corridors", summary: "Trees along the river", updated_at: new Date() }).execute();
  await db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 11, is_primary: true }).execute();
  await db
    .insertInto("hub_outcomes")
    .values({ hub_id: hub.id, position: 0, statement: "Plant trees", indicator: "Trees planted", baseline: 0, target_value: 100, unit: "trees", milestone: null, due_date: endDate })
    .execute();
  const update = await db
    .insertInto("progress_updates")
    .values({
      hub_id: hub.id,
      kind: "progress",
      period_start: `${year - 2}-01-01`,
      period_end: `${year - 2}-06-30`,
      due_date: `${year - 2}-07-31`,
      status: "submitted",
      overall_status: "on_track",
      original_language: "en",
      created_by: userIds.cityA,
      updated_at: new Date(),
      submitted_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("progress_update_translations").values({ update_id: update.id, language: "en", narrative: "Forty trees planted." }).execute();
  const [calendar] = await listHubCalendars(db, { today, hubIds: [hub.id] });
  const open = calendar.calendar.open.find((period) => period.dueDate !== `${year - 2}-07-31`);
  if (!open) throw new Error("the fixture HUB has no open reporting period");
  const call = await db.selectFrom("calls").select(["id", "slug"]).where("standing", "=", true).executeTakeFirstOrThrow();
  Object.assign(fixtures, { hubId: hub.id, hubSlug: hub.slug, updateId: update.id, openPeriod: periodKey(open), callId: call.id, callSlug: call.slug });
});
afterAll(() => database?.destroy());

function describeOutcome(response: Response): Outcome {
  const location = response.headers.get("Location") ?? "";
  if (response.status >= 300 && response.status < 400) return /^\/en\/login\?redirectTo=/.test(location) ? "login" : "redirect";
  return response.status;
}

async function call(route: DiscoveredRoute, method: "GET" | "POST", visitor: Visitor): Promise<{ outcome: Outcome; asked: boolean }> {
  const module = await modules[`../../app/${route.file}`]();
  const handler = (method === "GET" ? module.loader : module.action) as ((args: unknown) => Promise<unknown>) | undefined;
  // Remix answers 405 itself to a method the route has no function for.
  if (!handler) return { outcome: NO_METHOD, asked: true };
  const params = paramsFor(route);
  const cookie = await cookieOf(visitor);
  const request = new Request(`http://localhost${urlFor(route, params)}`, {
    method,
    body: method === "POST" ? new FormData() : undefined,
    headers: cookie ? { Cookie: cookie } : {},
  });
  const guard = vi.mocked(permissions.requirePermission);
  const before = guard.mock.calls.length;
  let response: Response;
  try {
    const result = await handler({ request, params, context: context() });
    response = result instanceof Response ? result : new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { outcome: describeOutcome(response), asked: guard.mock.calls.length > before };
}

describe("the table of expected answers", () => {
  it("has exactly one row per route of the app", () => {
    const discovered = routes.map((route) => route.id).sort();
    expect(discovered.filter((id) => !(id in TABLE)), "routes without a row").toEqual([]);
    expect(Object.keys(TABLE).filter((id) => !byId.has(id)), "rows without a route").toEqual([]);
  });
});

describe("every route, every visitor", () => {
  for (const route of routes) {
    const row = TABLE[route.id];
    if (!row) continue;
    for (const method of ["GET", "POST"] as const) {
      const expected = method === "GET" ? row.get : row.post;
      it(`${method} ${route.id}`, async () => {
        const actual: Partial<Record<Visitor, Outcome>> = {};
        const silent: Visitor[] = [];
        for (const visitor of VISITORS) {
          const { outcome, asked } = await call(route, method, visitor);
          actual[visitor] = outcome;
          if (!asked) silent.push(visitor);
        }
        const wanted = typeof expected === "object" ? expected : Object.fromEntries(VISITORS.map((visitor) => [visitor, expected]));
        expect(actual).toEqual(wanted);
        expect(silent, "answered without asking requirePermission").toEqual([]);
      });
    }
  }
});

describe("route parameters", () => {
  // Every route with an id segment (found, not listed, so a new one is covered): its loader and its action.
  const idRoutes = [...byId.keys()].filter((id) => /\$\w+Id\b/.test(id));
  it("finds the routes with an id segment", () => {
    expect(idRoutes).toEqual(
      expect.arrayContaining(["routes/$lang.my.hubs.$hubId", "routes/$lang.review.$hubId", "routes/$lang.progress.updates.$updateId", "routes/$lang.progress.$hubId.new", "routes/$lang.council.hubs.$hubId.cadence"]),
    );
  });
  for (const id of idRoutes) {
    it(`${id} answers 404 to an id that is not canonical digits within PostgreSQL's integer range, on GET and POST`, async () => {
      const route = byId.get(id)!;
      const module = await modules[`../../app/${route.file}`]();
      const visitor: Visitor = id.includes("my.hubs") || id.includes("progress.$hubId") ? "cityA" : id.includes("evaluation.$hubId") ? "council" : "secretariat";
      const param = /\$(\w+Id)\b/.exec(id)![1];
      for (const value of ["0", "-1", "01", "1e3", "abc", " 1", "1 ", "+1", "0x10", "2147483648", "4294967296", "99999999999999999999"]) {
        const params = { ...paramsFor(route), [param]: value };
        const cookie = (await cookieOf(visitor))!;
        for (const [name, method] of [["loader", "GET"], ["action", "POST"]] as const) {
          const handler = module[name] as ((args: unknown) => Promise<Response>) | undefined;
          if (!handler) continue;
          const request = new Request(`http://localhost/en/x?period=progress:2026-01-01`, { method, headers: { Cookie: cookie }, body: method === "POST" ? new FormData() : undefined });
          const response = await handler({ request, params, context: context() }).catch((thrown: unknown) => thrown as Response);
          expect(response.status, `${name} ${id} ${JSON.stringify(value)}`).toBe(404);
        }
      }
    });
  }

  it("answers 404 to an unknown language on every page under /:lang", async () => {
    for (const route of routes.filter((candidate) => pathPattern(candidate).startsWith("/:lang"))) {
      const module = await modules[`../../app/${route.file}`]();
      const loader = module.loader as ((args: unknown) => Promise<unknown>) | undefined;
      if (!loader) continue;
      const params = { ...paramsFor(route), lang: "de" };
      const request = new Request(`http://localhost${urlFor(route, params)}`, { headers: { Cookie: (await cookieOf("secretariat"))! } });
      const response = await loader({ request, params, context: context() }).catch((thrown: unknown) => thrown);
      expect(response instanceof Response ? response.status : 200, route.id).toBe(404);
    }
  });
});
