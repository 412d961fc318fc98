import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as listAction, loader as listLoader } from "~/routes/$lang.exchange";
import { action as threadAction, loader as threadLoader } from "~/routes/$lang.exchange_.$threadId";
import { action as reportsAction, loader as reportsLoader } from "~/routes/$lang.admin.exchange-reports";
import { runExchangeDigests } from "~/modules/network/exchange-digest.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

let database: TestDatabase;
let frenchCity: SignedInUser;
let spanishCity: SignedInUser;
let unverifiedCity: SignedInUser;
let council: SignedInUser;
let secretariat: SignedInUser;
let hubSlug = "";

beforeAll(async () => {
  database = await createTestDatabase();
  frenchCity = await loginAs(database, "city", { language: "fr" });
  spanishCity = await loginAs(database, "city", { language: "es" });
  unverifiedCity = await loginAs(database, "city");
  council = await loginAs(database, "council");
  secretariat = await loginAs(database, "secretariat");
  await database.db.updateTable("organisations").set({ verified_at: new Date() }).where("id", "in", [frenchCity.organisationId!, spanishCity.organisationId!]).execute();
  const hub = await database.db
    .insertInto("hubs")
    .values({ slug: "dakar-rain-gardens", status: "recognised", lead_organisation_id: spanishCity.organisationId!, original_language: "fr", latitude: 14, longitude: -17, start_date: "2026-01-01", end_date: "2028-01-01", updated_at: new Date(), recognised_at: new Date() })
    .returning("slug")
    .executeTakeFirstOrThrow();
  await database.db.insertInto("hub_translations").values({ hub_id: (await database.db.selectFrom("hubs").select("id").where("slug", "=", hub.slug).executeTakeFirstOrThrow()).id, language: "fr", title: "Jardins de pluie", summary: "Des jardins", updated_at: new Date() }).execute();
  hubSlug = hub.slug;
});
afterAll(() => database?.destroy());

const list = (lang: string, user?: SignedInUser, search = "") => callRoute(listLoader, database, { path: `/${lang}/exchange${search}`, params: { lang }, cookie: user?.cookie });
const thread = (id: number, user?: SignedInUser) => callRoute(threadLoader, database, { path: `/fr/exchange/${id}`, params: { lang: "fr", threadId: String(id) }, cookie: user?.cookie });
const act = (id: number, user: SignedInUser | undefined, body: Record<string, string>) =>
  callRoute(threadAction, database, { path: `/fr/exchange/${id}`, params: { lang: "fr", threadId: String(id) }, cookie: user?.cookie, body });
const newThread = { intent: "thread", topicKind: "sdg", topicRef: "11", title: "Villes durables : qui travaille sur l'ODD 11 ?", language: "fr", body: "Nous cherchons des partenaires. Voir https://hubs.example.org/fr/hubs/dakar-rain-gardens et https://example.org/guide." };
let threadId = 0;

describe("the exchange space", () => {
  it("members of verified organisations post; an unverified organisation and the public cannot", async () => {
    expect((await callRoute(listAction, database, { path: "/fr/exchange", params: { lang: "fr" }, body: newThread })).status).toBe(302);
    expect((await callRoute(listAction, database, { path: "/fr/exchange", params: { lang: "fr" }, body: newThread })).headers.get("Location")).toMatch(/\/login/);
    const refused = await callRoute(listAction, database, { path: "/fr/exchange", params: { lang: "fr" }, cookie: unverifiedCity.cookie, body: newThread });
    expect(refused.status).toBe(403);
    const created = await callRoute(listAction, database, { path: "/fr/exchange", params: { lang: "fr" }, cookie: frenchCity.cookie, body: newThread });
    expect(created.status).toBe(302);
    threadId = Number(created.headers.get("Location")!.split("/").pop());
    expect((await callRoute(listAction, database, { path: "/fr/exchange", params: { lang: "fr" }, cookie: council.cookie, body: { ...newThread, title: "Conseil", language: "en" } })).status).toBe(302);
  });

  it("threads are for members: the public sees none until the secretariat makes one public; the reader's language comes first", async () => {
    expect((await (await list("en")).json()).threads).toEqual([]);
    expect((await thread(threadId)).headers.get("Location")).toMatch(/\/login/);
    const members = (await (await list("en", unverifiedCity)).json()).threads.map((row: { language: string }) => row.language);
    expect(members).toEqual(["en", "fr"]);
    const french = (await (await list("fr", unverifiedCity)).json()).threads.map((row: { language: string }) => row.language);
    expect(french).toEqual(["fr", "en"]);
    expect((await act(threadId, frenchCity, { intent: "moderate", action: "publish" })).status).toBe(403);
    expect((await act(threadId, secretariat, { intent: "moderate", action: "publish" })).status).toBe(302);
    expect((await (await list("en")).json()).threads.map((row: { id: number }) => row.id)).toEqual([threadId]);
    const page = await (await thread(threadId)).json();
    expect(page.hubCards).toEqual([{ slug: hubSlug, title: "Jardins de pluie", city: expect.any(String) }]);
  });

  it("a reply notifies the thread's followers in the app, once; search finds a thread by a word of its posts", async () => {
    expect((await act(threadId, spanishCity, { intent: "reply", body: "Bogotá trabaja en corredores verdes." })).status).toBe(302);
    const notified = await database.db.selectFrom("notifications").select(["kind", "user_id"]).where("kind", "=", "exchange_reply").execute();
    expect(notified).toEqual([{ kind: "exchange_reply", user_id: frenchCity.id }]);
    const found = (await (await list("es", spanishCity, "?q=corredores")).json()).threads;
    expect(found.map((row: { id: number }) => row.id)).toEqual([threadId]);
    expect((await (await list("es", spanishCity, "?q=inexistente")).json()).threads).toEqual([]);
  });

  it("the daily digest is e-mailed once per user and day, even from two processes at once", async () => {
    const [first, second] = await Promise.all([runExchangeDigests(database.db, { today: "2026-12-01" }), runExchangeDigests(database.db, { today: "2026-12-01" })]);
    expect(first.sent + second.sent).toBe(1);
    expect((await runExchangeDigests(database.db, { today: "2026-12-01" })).sent).toBe(0);
    const mail = await database.db.selectFrom("outbox").select(["to_address", "subject", "language"]).where("kind", "=", "exchange_digest").execute();
    expect(mail).toEqual([{ to_address: frenchCity.email, subject: expect.stringMatching(/^Échanges Local4Action\s:\s1 nouvelle réponse$/), language: "fr" }]);
    // Nothing new since: no digest the next day either.
    expect((await runExchangeDigests(database.db, { today: "2026-12-02" })).sent).toBe(0);
  });

  it("a member reports a post; the secretariat sees the report on its page, hides the post from there and locks the thread", async () => {
    const posts = (await (await thread(threadId, frenchCity)).json()).posts;
    const reply = posts[1];
    expect((await act(threadId, frenchCity, { intent: "report", postId: String(reply.id), reason: "Hors sujet" })).status).toBe(302);
    const seen = (await (await thread(threadId, secretariat)).json()).posts[1];
    expect(seen.reports).toBe(1);
    expect((await act(threadId, council, { intent: "report", postId: String(reply.id), reason: "Publicité" })).status).toBe(302);
    const reportsPage = (user: SignedInUser) => callRoute(reportsLoader, database, { path: "/fr/admin/exchange-reports", params: { lang: "fr" }, cookie: user.cookie });
    expect((await reportsPage(council)).status).toBe(403);
    const open = (await (await reportsPage(secretariat)).json()).posts;
    expect(open).toEqual([{ postId: reply.id, threadId, threadTitle: newThread.title, body: reply.body, reasons: [expect.objectContaining({ reason: "Hors sujet" }), expect.objectContaining({ reason: "Publicité" })] }]);
    const hide = (user: SignedInUser, body: Record<string, string>) => callRoute(reportsAction, database, { path: "/fr/admin/exchange-reports", params: { lang: "fr" }, cookie: user.cookie, body });
    expect((await hide(frenchCity, { intent: "hidePost", postId: String(reply.id) })).status).toBe(403);
    expect((await hide(secretariat, { intent: "hidePost", postId: "999999" })).status).toBe(404);
    expect((await hide(secretariat, { intent: "hidePost", postId: String(reply.id) })).headers.get("Location")).toBe("/fr/admin/exchange-reports?hidden=1");
    expect((await (await reportsPage(secretariat)).json()).posts).toEqual([]);
    expect((await (await thread(threadId, frenchCity)).json()).posts.map((post: { id: number }) => post.id)).not.toContain(reply.id);
    expect((await act(threadId, secretariat, { intent: "moderate", action: "lock" })).status).toBe(302);
    expect((await act(threadId, spanishCity, { intent: "reply", body: "Otra respuesta" })).status).toBe(403);
  });

  it("posting is rate-limited per user", async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i += 1) {
      last = (await callRoute(listAction, database, { path: "/en/exchange", params: { lang: "en" }, cookie: council.cookie, body: { ...newThread, title: `Thread ${i}` } })).status;
    }
    expect(last).toBe(429);
  });

  it("search stems each thread in its own language: ciudad finds ciudades, ville finds villes, city finds cities", async () => {
    const start = async (language: "en" | "es" | "fr", title: string, body: string) => {
      const { id } = await database.db.insertInto("exchange_threads").values({ topic_kind: "general", title, language, created_by: council.id }).returning("id").executeTakeFirstOrThrow();
      await database.db.insertInto("exchange_posts").values({ thread_id: id, author_id: council.id, body }).execute();
      return id;
    };
    const spanish = await start("es", "Corredores verdes en las ciudades", "Bogotá y Medellín comparten su experiencia.");
    const french = await start("fr", "Adaptation au climat", "Les villes côtières s'adaptent à la montée des eaux.");
    const english = await start("en", "Heat plans", "Resilient cities share their heatwave plans.");
    const search = async (lang: string, q: string) =>
      ((await (await list(lang, unverifiedCity, `?q=${encodeURIComponent(q)}`)).json()).threads as { id: number }[]).map((row) => row.id).sort((a, b) => a - b);
    expect(await search("es", "ciudad")).toEqual([spanish]);
    // The first thread's title ("Villes durables…") is French too.
    expect(await search("fr", "ville")).toEqual([threadId, french].sort((a, b) => a - b));
    expect(await search("fr", "côtière")).toEqual([french]);
    expect(await search("en", "city")).toEqual([english]);
    // A reader finds a thread written in another language with a word of that language.
    expect(await search("en", "ciudad")).toEqual([spanish]);
    // A thread whose language the secretariat corrects is re-indexed, its posts with it.
    await database.db.updateTable("exchange_threads").set({ language: "es" }).where("id", "=", english).execute();
    const reindexed = await database.db.selectFrom("exchange_posts").select(sql<string>`document::text`.as("document")).where("thread_id", "=", english).executeTakeFirstOrThrow();
    expect(reindexed.document).toContain("'resilient'"); // the English stem is 'resili'
  });
});
