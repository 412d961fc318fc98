import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as eventsLoader } from "~/routes/$lang.events";
import { loader as feedLoader } from "~/routes/$lang.events[.]ics";
import { loader as oneEventLoader } from "~/routes/$lang.events_.$file";
import { action as adminAction } from "~/routes/$lang.admin.events";
import { loader as reportLoader } from "~/routes/$lang.reports.$year";
import { useToday } from "../support/clock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { loginAs, loginAsDemo, type SignedInUser } from "../support/sessions";

const TODAY = useToday("2026-11-22");
let database: TestDatabase;
let secretariat: SignedInUser;

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
  secretariat = await loginAsDemo(database, "secretariat");
});
afterAll(() => database?.destroy());

interface PageEvent {
  uid: string;
  kind: string;
  title: string;
  startsOn: string;
  hub: { slug: string } | null;
  presentedHubs: { slug: string }[];
}

async function page(lang: string, search = ""): Promise<PageEvent[]> {
  const response = await callRoute(eventsLoader, database, { path: `/${lang}/events${search}`, params: { lang } });
  expect(response.status).toBe(200);
  return (await response.json()).events;
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("one calendar of events", () => {
  it("lists the HUBs' planned activities and the network events from today on, in date order, filtered by the URL", async () => {
    const events = await page("en");
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((event) => event.startsOn >= TODAY || event.kind !== "hub")).toBe(true);
    expect([...events].map((event) => event.startsOn)).toEqual([...events].map((event) => event.startsOn).sort());
    expect(events.some((event) => event.kind === "hub" && event.hub)).toBe(true);
    expect(events.some((event) => event.kind === "congress")).toBe(true);
    expect(events.filter((event) => event.kind === "gathering").map((event) => event.title)).toEqual(["Venice City Solutions 2030: yearly gathering of the HUBs"]);

    const network = await page("fr", "?kind=network");
    expect(network.every((event) => event.kind !== "hub")).toBe(true);
    expect(network.map((event) => event.title)).toContain("Congrès mondial de CGLU");
    const hubsOnly = await page("es", "?kind=hub&region=africa");
    expect(hubsOnly.every((event) => event.kind === "hub")).toBe(true);
    const past = await page("en", "?when=past&kind=network");
    expect(past[0]).toMatchObject({ kind: "gathering" });
    expect(past[0].presentedHubs.map((hub) => hub.slug)).toContain("bogota-cycle-network");
    // Filters that cannot be right are ignored, never an error.
    expect((await callRoute(eventsLoader, database, { path: "/en/events?kind=x&sdg=99&region=mars", params: { lang: "en" } })).status).toBe(200);
  });

  it("the iCalendar feed and each event's .ics parse back with ical.js, the same events with stable UIDs", async () => {
    const listed = await page("fr");
    const response = await callRoute(feedLoader, database, { path: "/fr/events.ics", params: { lang: "fr" } });
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const parsed = parseIcs(await response.text());
    expect(parsed.map((event) => event.uid)).toEqual(listed.map((event) => `${event.uid}@local4action-hubs`));
    const congress = parsed.find((event) => event.summary === "Congrès mondial de CGLU")!;
    expect(congress.startDate.isDate).toBe(true);
    expect(congress.endDate.toString() > congress.startDate.toString()).toBe(true);

    const hubEvent = listed.find((event) => event.kind === "hub")!;
    const one = await callRoute(oneEventLoader, database, { path: `/fr/events/${hubEvent.uid}.ics`, params: { lang: "fr", file: `${hubEvent.uid}.ics` } });
    const [single] = parseIcs(await one.text());
    expect(single.uid).toBe(`${hubEvent.uid}@local4action-hubs`);
    expect(single.summary).toBe(hubEvent.title);
    expect(single.startDate.toString()).toBe(hubEvent.startsOn);
    expect(single.description).toContain("HUB");

    for (const file of ["network-999999.ics", "hub-1.txt", "network-99999999999.ics", "..%2F.ics"]) {
      expect((await callRoute(oneEventLoader, database, { path: `/en/events/${file}`, params: { lang: "en", file } })).status).toBe(404);
    }
    const empty = await callRoute(feedLoader, database, { path: "/en/events.ics?kind=network&when=past&region=africa&sdg=1", params: { lang: "en" } });
    expect(parseIcs(await empty.text()).length).toBeGreaterThanOrEqual(0);
  });

  it("the secretariat adds a yearly gathering with the HUBs presented, listed in that year's annual report; a city may not", async () => {
    const body = {
      kind: "gathering",
      titleEn: "Extra gathering",
      titleEs: "Encuentro extra",
      titleFr: "Rencontre supplémentaire",
      location: "Venice",
      startsOn: "2026-03-10",
      endsOn: "2026-03-11",
      presentedHubs: "https://hubs.example.org/en/hubs/lyon-food-social-security\nmedellin-green-corridors",
    };
    const city = await loginAs(database, "city");
    expect((await callRoute(adminAction, database, { path: "/en/admin/events", params: { lang: "en" }, cookie: city.cookie, body })).status).toBe(403);
    const backwards = await callRoute(adminAction, database, { path: "/en/admin/events", params: { lang: "en" }, cookie: secretariat.cookie, body: { ...body, endsOn: "2026-03-01" } });
    expect(backwards.status).toBe(400);
    const unknown = await callRoute(adminAction, database, { path: "/en/admin/events", params: { lang: "en" }, cookie: secretariat.cookie, body: { ...body, presentedHubs: "no-such-hub" } });
    expect(unknown.status).toBe(400);
    expect((await callRoute(adminAction, database, { path: "/en/admin/events", params: { lang: "en" }, cookie: secretariat.cookie, body })).status).toBe(302);

    const report = await (await callRoute(reportLoader, database, { path: "/es/reports/2026", params: { lang: "es", year: "2026" } })).json();
    const slugs = report.presentations.map((row: { slug: string }) => row.slug);
    expect(slugs).toEqual(expect.arrayContaining(["lyon-food-social-security", "medellin-green-corridors", "bogota-cycle-network"]));
    expect(report.presentations.find((row: { slug: string }) => row.slug === "medellin-green-corridors").event).toBe("Encuentro extra");
  });
});
