import { describe, expect, it } from "vitest";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { parseMessage } from "~/modules/forms/messages";
import { searchPlaces } from "~/modules/places/places.server";
import * as newRoute from "~/routes/$lang.my.hubs.new";
import { proposalFields } from "../support/proposals";
import { callRoute } from "../support/routes";
import { useProposalWorkflow } from "../support/proposal-workflow";

const kit = useProposalWorkflow();
const { users, hubCount } = kit;

describe("bad input on the proposal form: the error beside its field, input kept, nothing saved", () => {
  const cases: [string, Record<string, string | string[] | undefined>, string, string][] = [
    ["a four-year timeline", { endDate: "2031-01-01" }, "endDate", "proposals:errors.timelineTooLong"],
    ["an end before the start", { endDate: "2026-06-01" }, "endDate", "proposals:errors.endBeforeStart"],
    ["a timeline under a year", { endDate: "2027-06-01", "outcomes[0].dueDate": "2027-05-01" }, "endDate", "proposals:errors.timelineTooShort"],
    ["an outcome due after the end", { "outcomes[0].dueDate": "2029-05-01" }, "outcomes[0].dueDate", "proposals:errors.dueOutsideTimeline"],
    ["no SDG on submit", { intent: "submit", goals: undefined, primaryGoal: undefined, targets: undefined }, "goals", "proposals:errors.noGoal"],
    ["a target of a goal not chosen", { targets: ["11.2", "4.1"] }, "targets", "proposals:errors.targetOfOtherGoal"],
    ["a primary goal not chosen", { primaryGoal: "5" }, "primaryGoal", "proposals:errors.primaryNotChosen"],
    ["a javascript: document link", { "documents[0].url": "javascript:alert(1)" }, "documents[0].url", "validation:url"],
    ["a javascript: website", { website: "javascript:alert(document.cookie)" }, "website", "validation:url"],
    ["a 100 kB title", { title: "x".repeat(100_000) }, "title", "validation:tooLong"],
    ["a 301-character summary", { summary: "s".repeat(301) }, "summary", "validation:tooLong"],
    ["a latitude out of range", { latitude: "91" }, "latitude", "validation:tooBig"],
    ["a longitude out of range", { longitude: "-200" }, "longitude", "validation:tooSmall"],
    ["an outcome with neither target value nor milestone", { "outcomes[0].targetValue": undefined, "outcomes[0].unit": undefined }, "outcomes[0].targetValue", "proposals:errors.targetOrMilestone"],
    ["a bad contact e-mail", { contactEmail: "not-an-email" }, "contactEmail", "validation:email"],
    ["a missing summary on submit", { intent: "submit", summary: "" }, "summary", "validation:required"],
    ["an unknown theme", { themeId: "999999" }, "themeId", "validation:choice"],
  ];
  it.each(cases)("rejects %s", async (_name, overrides, field, key) => {
    const before = await hubCount();
    const response = await callRoute(newRoute.action, kit.database, {
      path: "/es/my/hubs/new",
      method: "POST",
      body: proposalFields({ themeId: String(kit.themeId), ...overrides }),
      cookie: users.cityA.cookie,
      params: { lang: "es" },
    });
    expect(response.status).toBe(400);
    const { result } = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
    expect(result.error[field]?.map((error) => parseMessage(error).key)).toContain(key);
    // Everything typed comes back.
    expect(result.initialValue.title).toBe(overrides.title ?? "Movilidad limpia en los barrios");
    expect(await hubCount()).toBe(before);
    // The message exists in each page language, each in its own words.
    const { key: messageKey, values } = parseMessage(result.error[field]!.find((error) => parseMessage(error).key === key)!);
    const texts = await Promise.all((["en", "es", "fr"] as const).map(async (language) => (await getTranslator(language))(messageKey, values)));
    for (const text of texts) expect(text).not.toBe(messageKey.split(":")[1]);
    expect(new Set(texts).size).toBe(3);
  });

  it("adds and removes outcome rows without JavaScript (Conform list intents as plain submit buttons)", async () => {
    // A list button sends its own name/value (no "intent" of ours).
    const body = proposalFields({ themeId: String(kit.themeId), intent: undefined });
    body.append("__intent__", JSON.stringify({ type: "insert", payload: { name: "outcomes" } }));
    const response = await callRoute(newRoute.action, kit.database, { path: "/es/my/hubs/new", method: "POST", body, cookie: users.cityA.cookie, params: { lang: "es" } });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { initialValue: { outcomes: unknown[] } } };
    expect(result.initialValue.outcomes).toHaveLength(2);
  });

  it("finds a city offline by name, accent-insensitively, and picks its coordinates without JavaScript", async () => {
    expect(searchPlaces("bogota")[0]).toMatchObject({ name: "Bogotá", countryCode: "CO" });
    expect(searchPlaces("sao paulo")[0]).toMatchObject({ name: "São Paulo", countryCode: "BR" });
    const find = await callRoute(newRoute.action, kit.database, {
      path: "/es/my/hubs/new",
      method: "POST",
      body: proposalFields({ intent: "findPlace", placeQuery: "Medellin", title: "" }),
      cookie: users.cityA.cookie,
      params: { lang: "es" },
    });
    const found = (await find.json()) as { places: { name: string; latitude: number; longitude: number }[]; result: { error?: Record<string, string[]> } };
    expect(found.places[0].name).toBe("Medellín");
    expect(found.result.error ?? {}).toEqual({});
    const pick = await callRoute(newRoute.action, kit.database, {
      path: "/es/my/hubs/new",
      method: "POST",
      body: proposalFields({ intent: `pick:${found.places[0].latitude}:${found.places[0].longitude}` }),
      cookie: users.cityA.cookie,
      params: { lang: "es" },
    });
    const picked = (await pick.json()) as { result: { initialValue: Record<string, string> } };
    expect(Number(picked.result.initialValue.latitude)).toBeCloseTo(6.25, 1);
    expect(Number(picked.result.initialValue.longitude)).toBeCloseTo(-75.56, 1);
  });
});
