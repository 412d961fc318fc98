import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import * as newRoute from "~/routes/$lang.my.hubs.new";
import * as reviewRoute from "~/routes/$lang.review.$hubId";
import { action as signupAction } from "~/routes/$lang.signup";
import { loader as feedLoader } from "~/routes/$lang.feed[.]xml";
import { getFilterOptions } from "~/modules/hubs/public-filter-options.server";
import { listMissingTranslations } from "~/modules/proposals/translations.server";
import { callRoute } from "../support/routes";
import { useProposalWorkflow } from "../support/proposal-workflow";

// The faults of issue 12 that a city official met on the server's side, each with its fix's test.
const kit = useProposalWorkflow();
const { users, createDraft, editLoader } = kit;

type Options = { options: { themes: { id: number; name: string }[]; targets: { id: string; title: string }[] } };

describe("theme and target names in the reader's language (fault 1)", () => {
  it.each(["es", "fr"] as const)("the new-proposal form in %s lists every theme by its name in that language", async (lang) => {
    const response = await callRoute(newRoute.loader, kit.database, { path: `/${lang}/my/hubs/new`, cookie: users.cityA.cookie, params: { lang } });
    const { options } = (await response.json()) as Options;
    const themes = await kit.database.db.selectFrom("themes").select(["id", lang === "es" ? "name_es as name" : "name_fr as name"]).orderBy("position").orderBy("id").execute();
    expect(themes.length).toBeGreaterThan(0);
    expect(options.themes).toEqual(themes);
    expect(options.themes.every((theme) => theme.name)).toBe(true);
    const target = await kit.database.db.selectFrom("sdg_targets").select(["id", lang === "es" ? "title_es as title" : "title_fr as title"]).where("id", "=", "11.2").executeTakeFirstOrThrow();
    expect(options.targets.find((t) => t.id === "11.2")?.title).toBe(target.title);
  });

  it("the review page names the HUB's theme in French, and the map's filter in Spanish", async () => {
    const hubId = await createDraft(users.cityA);
    const response = await callRoute(reviewRoute.loader, kit.database, { path: `/fr/review/${hubId}`, cookie: users.secretariat.cookie, params: { lang: "fr", hubId: String(hubId) } });
    const data = (await response.json()) as Options & { values: { themeId: number } };
    const theme = await kit.database.db.selectFrom("themes").select("name_fr").where("id", "=", data.values.themeId).executeTakeFirstOrThrow();
    expect(data.options.themes.find((t) => t.id === data.values.themeId)?.name).toBe(theme.name_fr);
    const filters = await getFilterOptions(kit.database.db, "es");
    expect(filters.themes.every((t) => t.name)).toBe(true);
  });
});

describe("an ended HUB reads 'ended, final report due' wherever its status is shown (fault 7)", () => {
  it("on the city's HUB page, the review page and the missing-translations list", async () => {
    const hubId = await createDraft(users.cityA);
    await kit.database.db
      .updateTable("hubs")
      .set({ status: "recognised", recognised_at: new Date("2024-01-10T00:00:00Z"), start_date: "2024-01-01", end_date: "2025-06-30" })
      .where("id", "=", hubId)
      .execute();
    const city = (await (await editLoader(users.cityA, hubId)).json()) as { status: string; displayStatus: string };
    expect(city).toMatchObject({ status: "recognised", displayStatus: "ended" });
    const review = await callRoute(reviewRoute.loader, kit.database, { path: `/en/review/${hubId}`, cookie: users.secretariat.cookie, params: { lang: "en", hubId: String(hubId) } });
    expect(((await review.json()) as { displayStatus: string }).displayStatus).toBe("ended");
    const missing = await listMissingTranslations(kit.database.db);
    expect(missing.find((hub) => hub.id === hubId)?.status).toBe("ended");
  });
});

describe("decimal commas (fault 8a) and the region from the country (fault 8c)", () => {
  it("a Spanish draft with '43,263' and '−2,925' stores those coordinates", async () => {
    const hubId = await createDraft(users.cityA, { latitude: "43,263", longitude: "−2,925" });
    const hub = await kit.database.db.selectFrom("hubs").select(["latitude", "longitude"]).where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(hub).toEqual({ latitude: 43.263, longitude: -2.925 });
  });

  const signUpForm = (overrides: Record<string, string | undefined>) => ({
    displayName: "Ane Etxeberria",
    email: `ane${Math.random().toString(36).slice(2)}@bilbao.example`,
    password: "ria-de-bilbao-verde-2030",
    passwordConfirm: "ria-de-bilbao-verde-2030",
    language: "es",
    mode: "create",
    organisationName: "Ayuntamiento de Getxo",
    kind: "local_government",
    countryCode: "ES",
    city: "Bilbao",
    latitude: "43,263",
    longitude: "-2,925",
    ...overrides,
  });

  it("a sign-up without a region gets its country's region; one with another region is told so beside the field", async () => {
    const form = signUpForm({});
    const response = await callRoute(signupAction, kit.database, { path: "/es/signup", body: form, params: { lang: "es" } });
    expect(response.status, await response.clone().text()).toBe(302);
    const organisation = await kit.database.db
      .selectFrom("organisations as o")
      .innerJoin("users as u", "u.organisation_id", "o.id")
      .select(["o.region", "o.latitude", "o.longitude"])
      .where("u.email", "=", form.email)
      .executeTakeFirstOrThrow();
    expect(organisation).toEqual({ region: "europe", latitude: 43.263, longitude: -2.925 });

    const refused = await callRoute(signupAction, kit.database, { path: "/es/signup", body: signUpForm({ region: "africa" }), params: { lang: "es" } });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(body.error.region).toEqual(["accounts:signup.regionOfCountry"]);
    expect(body.initialValue.organisationName).toBe("Ayuntamiento de Getxo");
  });
});

describe("the feed's dates (fault 8g) and the navigation's unread count (fault 8i)", () => {
  it("the feed shows a progress period as dates in its language, not ISO", async () => {
    const xml = await (await callRoute(feedLoader, kit.database, { path: "http://localhost/fr/feed.xml", params: { lang: "fr" } })).text();
    const summaries = [...xml.matchAll(/<summary>([^<]*)<\/summary>/g)].map((match) => match[1]);
    const progress = [...xml.matchAll(/<entry[\s\S]*?<\/entry>/g)].map((m) => m[0]).filter((entry) => entry.includes("#hub-progress"));
    expect(progress.length).toBeGreaterThan(0);
    for (const entry of progress) expect(entry).toMatch(/<summary>\d{1,2} [a-zéû.]+ \d{4} – \d{1,2} [a-zéû.]+ \d{4}<\/summary>/);
    expect(summaries.filter((summary) => /\d{4}-\d{2}-\d{2}/.test(summary))).toEqual([]);
  });

  it("the root loader gives a signed-in user's unread count, and nothing for a visitor", async () => {
    const hub = await kit.database.db.selectFrom("hubs").select("id").orderBy("id").executeTakeFirstOrThrow();
    await kit.database.db.deleteFrom("notifications").where("user_id", "=", users.cityB.id).execute();
    await kit.database.db
      .insertInto("notifications")
      .values([1, 2, 3].map((n) => ({ user_id: users.cityB.id, kind: "report_due_soon" as const, hub_id: hub.id, dedupe_key: `issue12-${n}`, read_at: n === 3 ? new Date() : null })))
      .execute();
    type RootData = { user: object | null; navigation: { main: { label: string; unread?: number }[] } };
    const notificationsLink = (data: RootData) => data.navigation.main.find((link) => link.label === "nav.notifications");
    const signedIn = (await (await callRoute(rootLoader, kit.database, { path: "/en", cookie: users.cityB.cookie })).json()) as RootData;
    expect(signedIn.user).not.toBeNull();
    expect(notificationsLink(signedIn)).toEqual({ to: "/en/notifications", label: "nav.notifications", unread: 2 });
    const visitor = (await (await callRoute(rootLoader, kit.database, { path: "/en" })).json()) as RootData;
    expect(visitor.user).toBeNull();
    expect(notificationsLink(visitor)).toBeUndefined();
  });
});
