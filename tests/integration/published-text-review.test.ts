import { describe, expect, it } from "vitest";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { transition, WorkflowError } from "~/modules/hubs/lifecycle.server";
import { saveTranslations } from "~/modules/proposals/translations.server";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { loader as homeLoader } from "~/routes/$lang._index";
import { loader as mapLoader } from "~/routes/api.map";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import * as reviewRoute from "~/routes/$lang.review.$hubId";
import { callRoute } from "../support/routes";
import { useProposalWorkflow, type WorkflowUser } from "../support/proposal-workflow";

/**
 * Finding 12 of issue 14: once a HUB is public, what the public sees under UCLG's label changes only
 * when the secretariat approves it. The city's edits of texts and links wait in one change request;
 * the secretariat's own translations publish at once; a draft is still edited directly.
 */
const kit = useProposalWorkflow();
const { users, createDraft, editLoader, postEdit, postReview, version } = kit;

const PUBLISHED_TITLE = "Movilidad limpia en los barrios";
const PUBLISHED_WEBSITE = "https://example.org";
const NEW_TITLE = "Corredores verdes metropolitanos";
const NEW_WEBSITE = "https://corredores.example.net";

async function recognisedHub() {
  const hubId = await createDraft(users.cityA);
  await transition(kit.database.db, users.cityA, hubId, "submit");
  await transition(kit.database.db, users.secretariat, hubId, "recognise", { comment: "Reconocido" });
  const { slug } = await kit.database.db.selectFrom("hubs").select("slug").where("id", "=", hubId).executeTakeFirstOrThrow();
  return { hubId, slug };
}

/** What every public surface shows of the HUB: its page, the home list and the map searched by title, its open-data JSON and the CSV. */
async function publicView(slug: string, search: string) {
  const page = (await (await callRoute(hubPageLoader, kit.database, { path: `/es/hubs/${slug}`, params: { lang: "es", slug } })).json()) as {
    hub: { texts: { title: string; summary: string }; website: string | null };
  };
  const home = (await (await callRoute(homeLoader, kit.database, { path: `/es?q=${encodeURIComponent(search)}`, params: { lang: "es" } })).json()) as {
    list: { hubs: { slug: string; title: string }[] };
  };
  const map = (await (await callRoute(mapLoader, kit.database, { path: `http://localhost/api/map?bbox=-180,-85,180,85&zoom=1&lang=es&q=${encodeURIComponent(search)}` })).json()) as {
    items: { kind: string; slug?: string; title?: string }[];
  };
  const json = await callRoute(hubJsonLoader, kit.database, { path: `http://localhost/api/hubs/${slug}.json?lang=es`, params: { file: `${slug}.json` } });
  const csv = await (await callRoute(csvLoader, kit.database, { path: "http://localhost/api/hubs.csv?lang=es" })).text();
  const openData = (await json.json()) as { title: string; website: string | null };
  return {
    title: page.hub.texts.title,
    summary: page.hub.texts.summary,
    website: page.hub.website,
    homeFinds: home.list.hubs.some((hub) => hub.slug === slug),
    mapFinds: map.items.some((item) => item.kind === "hub" && item.slug === slug),
    openData: { title: openData.title, website: openData.website },
    csvLine: csv.split("\n").find((line) => line.includes(slug)) ?? "",
    etag: json.headers.get("ETag"),
  };
}

async function reviewPage(who: WorkflowUser, hubId: number, lang = "en") {
  return (await (await callRoute(reviewRoute.loader, kit.database, { path: `/${lang}/review/${hubId}`, cookie: who.cookie, params: { lang, hubId: String(hubId) } })).json()) as {
    changeRequests: { id: number; status: string; changes: { field: string; language?: string; before: string; after: string }[] }[];
  };
}

async function pendingRequests(hubId: number) {
  return kit.database.db.selectFrom("hub_change_requests").select(["id", "status"]).where("hub_id", "=", hubId).where("status", "=", "pending").execute();
}

describe("a city edits a recognised HUB's published texts and links", () => {
  it("keeps the published title and website on every public page until the secretariat approves, then publishes them and moves the public version", async () => {
    const { hubId, slug } = await recognisedHub();
    const before = await publicView(slug, PUBLISHED_TITLE);
    expect(before).toMatchObject({ title: PUBLISHED_TITLE, website: PUBLISHED_WEBSITE, homeFinds: true, mapFinds: true });

    const saved = await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), title: NEW_TITLE, website: NEW_WEBSITE });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toContain("changeRequested=1");

    // Nothing public moved: the page, the list and the map (searched by either title), the open data.
    const waiting = await publicView(slug, PUBLISHED_TITLE);
    expect(waiting).toMatchObject({ title: PUBLISHED_TITLE, website: PUBLISHED_WEBSITE, homeFinds: true, mapFinds: true });
    expect(waiting.openData).toEqual({ title: PUBLISHED_TITLE, website: PUBLISHED_WEBSITE });
    expect(waiting.csvLine).toContain(PUBLISHED_TITLE);
    expect(waiting.csvLine).not.toContain(NEW_WEBSITE);
    const searchedNew = await publicView(slug, NEW_TITLE);
    expect(searchedNew).toMatchObject({ homeFinds: false, mapFinds: false });

    // The city sees its pending version in the form, and that it awaits review.
    const cityPage = (await (await editLoader(users.cityA, hubId)).json()) as { values: { title: string; website: string }; changeRequests: { status: string }[] };
    expect(cityPage.values).toMatchObject({ title: NEW_TITLE, website: NEW_WEBSITE });
    expect(cityPage.changeRequests.map((request) => request.status)).toEqual(["pending"]);

    // A second save extends the same request (one pending request per HUB).
    const extended = await postEdit(users.cityA, hubId, {
      version: String((await version(hubId)).version),
      title: NEW_TITLE,
      website: NEW_WEBSITE,
      summary: "Corredores verdes que unen diez barrios.",
    });
    expect(extended.headers.get("Location")).toContain("changeRequested=1");
    const pending = await pendingRequests(hubId);
    expect(pending).toHaveLength(1);

    // The secretariat sees the diff, field by field, the text's language named.
    const review = await reviewPage(users.secretariat, hubId);
    const request = review.changeRequests[0];
    expect(request).toMatchObject({ id: pending[0].id, status: "pending" });
    expect(request.changes).toEqual([
      { field: "title", language: "es", before: PUBLISHED_TITLE, after: NEW_TITLE },
      { field: "summary", language: "es", before: "Buses eléctricos y ciclovías en diez barrios.", after: "Corredores verdes que unen diez barrios." },
      { field: "website", before: PUBLISHED_WEBSITE, after: NEW_WEBSITE },
    ]);

    // A decision on a page older than the city's last change is refused: nothing is published unseen.
    const stale = await postReview(
      users.secretariat,
      hubId,
      { intent: "decideChange", changeRequestId: String(request.id), version: String((await version(hubId)).version - 1), decision: "approve" },
      "en",
    );
    expect(stale.status).toBe(409);
    expect((await publicView(slug, PUBLISHED_TITLE)).title).toBe(PUBLISHED_TITLE);

    const versionBefore = await getPublicDataVersion(kit.database.db);
    const approved = await postReview(
      users.secretariat,
      hubId,
      { intent: "decideChange", changeRequestId: String(request.id), version: String((await version(hubId)).version), decision: "approve", message: "Aprobado" },
      "en",
    );
    expect(approved.status).toBe(302);
    expect(await getPublicDataVersion(kit.database.db)).toBeGreaterThan(versionBefore);

    const after = await publicView(slug, NEW_TITLE);
    expect(after).toMatchObject({ title: NEW_TITLE, summary: "Corredores verdes que unen diez barrios.", website: NEW_WEBSITE, homeFinds: true, mapFinds: true });
    expect(after.openData).toEqual({ title: NEW_TITLE, website: NEW_WEBSITE });
    expect(after.csvLine).toContain(NEW_WEBSITE);
    // Cached open data changes with it: a new ETag.
    expect(after.etag).not.toBe(before.etag);
    expect(await pendingRequests(hubId)).toHaveLength(0);
    // Untouched parts stay as they were (the outcomes keep their rows, which progress reports point at).
    const outcomes = await kit.database.db.selectFrom("hub_outcomes").select("statement").where("hub_id", "=", hubId).execute();
    expect(outcomes).toEqual([{ statement: "Diez barrios con ciclovías" }]);
  });

  it("leaves the published version when the secretariat rejects the change", async () => {
    const { hubId, slug } = await recognisedHub();
    await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), title: NEW_TITLE, website: NEW_WEBSITE, "documents[0].url": "https://example.org/otro-plan.pdf" });
    const request = (await reviewPage(users.secretariat, hubId, "fr")).changeRequests[0];
    expect(request.changes.map((change) => change.field)).toEqual(["title", "documents", "website"]);
    const rejected = await postReview(
      users.secretariat,
      hubId,
      { intent: "decideChange", changeRequestId: String(request.id), version: String((await version(hubId)).version), decision: "reject", message: "No" },
      "fr",
    );
    expect(rejected.status).toBe(302);
    const view = await publicView(slug, PUBLISHED_TITLE);
    expect(view).toMatchObject({ title: PUBLISHED_TITLE, website: PUBLISHED_WEBSITE, homeFinds: true });
    const documents = await kit.database.db.selectFrom("hub_documents").select("url").where("hub_id", "=", hubId).execute();
    expect(documents).toEqual([{ url: "https://example.org/plan.pdf" }]);
    // The city's form shows the published version again.
    const cityPage = (await (await editLoader(users.cityA, hubId)).json()) as { values: { title: string }; changeRequests: { status: string }[] };
    expect(cityPage.values.title).toBe(PUBLISHED_TITLE);
    expect(cityPage.changeRequests.map((change) => change.status)).toEqual(["rejected"]);
  });

  it("withdraws the pending request when the city saves the published version again", async () => {
    const { hubId } = await recognisedHub();
    await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), website: NEW_WEBSITE });
    expect(await pendingRequests(hubId)).toHaveLength(1);
    const reverted = await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version) });
    expect(reverted.headers.get("Location")).toContain("saved=1");
    expect(await pendingRequests(hubId)).toHaveLength(0);
  });

  it("publishes nothing from a request whose HUB was withdrawn since", async () => {
    const { hubId } = await recognisedHub();
    await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), website: NEW_WEBSITE });
    await transition(kit.database.db, users.cityA, hubId, "withdraw", { comment: "Cerrado" });
    const [request] = await pendingRequests(hubId);
    const response = await postReview(
      users.secretariat,
      hubId,
      { intent: "decideChange", changeRequestId: String(request.id), version: String((await version(hubId)).version), decision: "approve" },
      "en",
    );
    expect(response.status).toBe(409);
    const hub = await kit.database.db.selectFrom("hubs").select("website").where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(hub.website).toBe(PUBLISHED_WEBSITE);
  });
});

describe("the secretariat's translations", () => {
  it("publish at once on a recognised HUB, and survive the approval of a city's change made before them", async () => {
    const { hubId, slug } = await recognisedHub();
    // The city asks to change the Spanish title; meanwhile the secretariat translates into French.
    await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), title: NEW_TITLE });
    const fields: Record<string, string> = { intent: "translate", version: String((await version(hubId)).version), "translations.en.title": "Clean mobility in the neighbourhoods" };
    fields["translations.fr.title"] = "Mobilité propre dans les quartiers";
    const translated = await postReview(users.secretariat, hubId, fields, "en");
    expect(translated.status).toBe(302);
    const french = (await (await callRoute(hubPageLoader, kit.database, { path: `/fr/hubs/${slug}`, params: { lang: "fr", slug } })).json()) as { hub: { texts: { title: string } } };
    expect(french.hub.texts.title).toBe("Mobilité propre dans les quartiers");
    expect(await pendingRequests(hubId)).toHaveLength(1);

    const request = (await reviewPage(users.secretariat, hubId)).changeRequests[0];
    expect(request.changes).toEqual([{ field: "title", language: "es", before: PUBLISHED_TITLE, after: NEW_TITLE }]);
    await postReview(users.secretariat, hubId, { intent: "decideChange", changeRequestId: String(request.id), version: String((await version(hubId)).version), decision: "approve" }, "en");
    const titles = await kit.database.db.selectFrom("hub_translations").select(["language", "title"]).where("hub_id", "=", hubId).orderBy("language").execute();
    expect(titles).toEqual([
      { language: "en", title: "Clean mobility in the neighbourhoods" },
      { language: "es", title: NEW_TITLE },
      { language: "fr", title: "Mobilité propre dans les quartiers" },
    ]);
  });

  it("are the only texts published directly: a city's translation of its public HUB is refused outside the change request", async () => {
    const { hubId } = await recognisedHub();
    const { version: current } = await version(hubId);
    await expect(saveTranslations(kit.database.db, users.cityA, hubId, current, { fr: { title: "Titre non revu" } })).rejects.toEqual(new WorkflowError("notAllowed"));
    const fr = await kit.database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "fr").executeTakeFirst();
    expect(fr?.title ?? null).toBeNull();
  });
});

describe("a draft HUB", () => {
  it("is still edited directly, with no change request", async () => {
    const hubId = await createDraft(users.cityA);
    const saved = await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), title: NEW_TITLE, website: NEW_WEBSITE });
    expect(saved.headers.get("Location")).toContain("saved=1");
    const hub = await kit.database.db.selectFrom("hubs").select("website").where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(hub.website).toBe(NEW_WEBSITE);
    const es = await kit.database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "es").executeTakeFirstOrThrow();
    expect(es.title).toBe(NEW_TITLE);
    expect(await kit.database.db.selectFrom("hub_change_requests").select("id").where("hub_id", "=", hubId).execute()).toEqual([]);
  });
});
