import { describe, expect, it } from "vitest";
import { listMissingTranslations, translationStatus } from "~/modules/proposals/translations.server";
import { publicHubDetails } from "~/modules/proposals/public-details.server";
import { TRANSITIONS, WorkflowError, transition, type Transition } from "~/modules/hubs/lifecycle.server";
import * as editRoute from "~/routes/$lang.my.hubs.$hubId";
import * as reviewRoute from "~/routes/$lang.review.$hubId";
import { hubPageData } from "~/modules/hub-page/hub-page.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { callRoute, contextFor, requestFor } from "../support/routes";
import { useProposalWorkflow } from "../support/proposal-workflow";

const kit = useProposalWorkflow();
const { users, createDraft, editLoader, postEdit, postReview, version } = kit;

describe("drafts, translations and HTML", () => {
  it("stores HTML in every text field exactly as typed (the page renders it as text)", async () => {
    const html = '<script>alert("x")</script><b onmouseover="x()">bold</b>';
    const hubId = await createDraft(users.cityA, {
      title: `${html} title`,
      summary: `${html} summary`,
      description: html,
      localGlobalLink: html,
      acceleration: html,
      synchronisation: html,
      channels: html,
      "partners[0].name": html,
      "outcomes[0].statement": html,
      "translations.fr.title": html,
    });
    const rows = await kit.database.db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute();
    const es = rows.find((row) => row.language === "es")!;
    expect([es.title, es.summary, es.description, es.local_global_link]).toEqual([`${html} title`, `${html} summary`, html, html]);
    expect(rows.find((row) => row.language === "fr")!.title).toBe(html);
    const loaded = (await (await editLoader(users.cityA, hubId)).json()) as { values: { title: string; partners: { name: string }[] } };
    expect(loaded.values.title).toBe(`${html} title`);
    expect(loaded.values.partners[0].name).toBe(html);
  });

  it("saves an incomplete draft (no SDG, no outcome) and knows which translations are missing", async () => {
    const hubId = await createDraft(users.cityA, {
      goals: undefined,
      primaryGoal: undefined,
      targets: undefined,
      summary: undefined,
      "outcomes[0].statement": undefined,
      "outcomes[0].indicator": undefined,
      "outcomes[0].baseline": undefined,
      "outcomes[0].targetValue": undefined,
      "outcomes[0].unit": undefined,
      "outcomes[0].dueDate": undefined,
    });
    expect((await version(hubId)).status).toBe("draft");
    const status = await translationStatus(kit.database.db, hubId);
    expect(status.es.title).toBe(true);
    expect(status.en.title).toBe(true);
    expect(status.en.description).toBe(false);
    expect(status.fr.title).toBe(false);
    // Submitting it is refused with the missing parts named; the draft is unchanged.
    const response = await postEdit(users.cityA, hubId, {
      intent: "submit",
      version: String((await version(hubId)).version),
      goals: undefined,
      primaryGoal: undefined,
      targets: undefined,
    });
    expect(response.status).toBe(400);
    expect((await version(hubId)).status).toBe("draft");
  });

  it("lists HUBs with missing translations for the secretariat", async () => {
    const missing = await listMissingTranslations(kit.database.db);
    // Demo HUBs are fully translated or not; at least the shape is right and drafts are not listed.
    for (const hub of missing) {
      expect(hub.status).not.toBe("draft");
      expect(hub.missing.length).toBeGreaterThan(0);
    }
  });
});


describe("concurrent edits", () => {
  it("gives the second save of the same version a conflict, keeps its input and does not overwrite", async () => {
    const hubId = await createDraft(users.cityA);
    const { version: loaded } = await version(hubId);
    const first = await postEdit(users.cityA, hubId, { version: String(loaded), title: "Primera versión" });
    expect(first.status).toBe(302);
    const second = await postEdit(users.cityA, hubId, { version: String(loaded), title: "Segunda versión" });
    expect(second.status).toBe(409);
    const { result } = (await second.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(result.error[""]).toEqual(["validation:conflict"]);
    expect(result.initialValue.title).toBe("Segunda versión");
    expect(Number(result.initialValue.version)).toBe(loaded + 1);
    const title = await kit.database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "es").executeTakeFirstOrThrow();
    expect(title.title).toBe("Primera versión");
  });
});


describe("the review and recognition workflow", () => {
  it("goes draft → submitted → changes requested → submitted → recognised, each step audited, the city told in its language", async () => {
    const hubId = await createDraft(users.cityA);
    let response = await postEdit(users.cityA, hubId, { intent: "submit", version: String((await version(hubId)).version) });
    expect(response.status).toBe(302);
    expect((await version(hubId)).status).toBe("submitted");

    // The city cannot edit a submitted proposal; the council cannot decide; the secretariat cannot review.
    expect((await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version) })).status).toBe(409);
    expect((await postReview(users.council, hubId, { intent: "decide", decision: "recognise", message: "Oui" })).status).toBe(403);
    expect((await postReview(users.secretariat, hubId, { intent: "review", recommendation: "recognise", comment: "x" })).status).toBe(403);

    response = await postReview(users.council, hubId, { intent: "review", recommendation: "changes", comment: "Précisez les indicateurs <b>svp</b>." });
    expect(response.status).toBe(302);
    response = await postReview(users.secretariat, hubId, { intent: "decide", decision: "request_changes", message: "" }, "en");
    expect(response.status).toBe(400);
    response = await postReview(users.secretariat, hubId, { intent: "decide", decision: "request_changes", message: "Please detail the indicators." }, "en");
    expect(response.status).toBe(302);
    expect((await version(hubId)).status).toBe("changes_requested");

    response = await postEdit(users.cityA, hubId, { intent: "submit", version: String((await version(hubId)).version), "outcomes[0].indicator": "Barrios con ciclovía terminada" });
    expect(response.status).toBe(302);
    response = await postReview(users.council, hubId, { intent: "review", recommendation: "recognise", comment: "Bien." });
    expect(response.status).toBe(302);
    response = await postReview(users.secretariat, hubId, { intent: "decide", decision: "recognise", message: "Bienvenidos a la red." }, "en");
    expect(response.status).toBe(302);
    const hub = await kit.database.db.selectFrom("hubs").select(["status", "recognised_at", "submitted_at"]).where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(hub.status).toBe("recognised");
    expect(hub.recognised_at).not.toBeNull();

    const audit = await kit.database.db.selectFrom("audit_log").selectAll().where("hub_id", "=", hubId).where("entity", "=", "hub").where("action", "!=", "save").orderBy("id").execute();
    expect(audit.map((row) => [row.action, row.from_status, row.to_status])).toEqual([
      ["create", null, "draft"],
      ["submit", "draft", "submitted"],
      ["request_changes", "submitted", "changes_requested"],
      ["submit", "changes_requested", "submitted"],
      ["recognise", "submitted", "recognised"],
    ]);
    expect(audit.find((row) => row.action === "recognise")).toMatchObject({ actor_user_id: users.secretariat.id, comment: "Bienvenidos a la red." });
    const reviews = await kit.database.db.selectFrom("hub_reviews").selectAll().where("hub_id", "=", hubId).orderBy("id").execute();
    expect(reviews.map((review) => review.recommendation)).toEqual(["changes", "recognise"]);

    // The demo city user prefers Spanish: the decision e-mails are in Spanish and carry the message.
    const mails = await kit.database.db.selectFrom("outbox").selectAll().where("to_address", "=", "city@demo.l4a.test").orderBy("id").execute();
    expect(mails.map((mail) => mail.kind).slice(-2)).toEqual(["hub_request_changes", "hub_recognise"]);
    expect(mails.at(-1)).toMatchObject({ language: "es" });
    expect(mails.at(-1)!.subject).toContain("Su HUB ha sido reconocido");
    expect(mails.at(-1)!.body_text).toContain("Bienvenidos a la red.");

    // The city sees every message but not the council's internal reviews.
    const page = (await (await editLoader(users.cityA, hubId)).json()) as { history: { action: string; comment: string | null }[] };
    expect(page.history.map((entry) => entry.comment)).toContain("Please detail the indicators.");
    expect(page.history.some((entry) => entry.action.startsWith("review_"))).toBe(false);
  });

  it("never shows a draft or submitted proposal through the public details", async () => {
    const hubId = await createDraft(users.cityA);
    expect(await publicHubDetails(kit.database.db, hubId, "en")).toBeNull();
    await transition(kit.database.db, users.cityA, hubId, "submit");
    expect(await publicHubDetails(kit.database.db, hubId, "en")).toBeNull();
  });

  it("refuses submission while the lead organisation is unverified", async () => {
    const hubId = await createDraft(users.cityUnverified);
    const response = await postEdit(users.cityUnverified, hubId, { intent: "submit", version: String((await version(hubId)).version) });
    expect(response.status).toBe(409);
    const { result } = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(result.error[""]).toEqual(["proposals:errors.unverified"]);
    expect((await version(hubId)).status).toBe("draft");
    // Nothing half-saved: the texts of the refused submit were rolled back with it.
    expect(await kit.database.db.selectFrom("audit_log").select("id").where("hub_id", "=", hubId).where("action", "=", "submit").execute()).toEqual([]);
  });

  it("allows each transition only to the right role and from the right status, and a failed one writes nothing", async () => {
    const hubId = await createDraft(users.cityA);
    const attempts: [keyof typeof users, Transition][] = [
      ["council", "submit"],
      ["secretariat", "submit"],
      ["cityB", "submit"],
      ["cityA", "recognise"],
      ["council", "recognise"],
      ["secretariat", "recognise"],
      ["secretariat", "decline"],
      ["cityB", "withdraw"],
      ["council", "withdraw"],
      ["cityA", "complete"],
    ];
    const auditBefore = (await kit.database.db.selectFrom("audit_log").select("id").where("hub_id", "=", hubId).execute()).length;
    for (const [who, name] of attempts) {
      await expect(transition(kit.database.db, users[who], hubId, name, { comment: "x" }), `${who} ${name}`).rejects.toBeInstanceOf(WorkflowError);
    }
    expect((await version(hubId)).status).toBe("draft");
    expect((await kit.database.db.selectFrom("audit_log").select("id").where("hub_id", "=", hubId).execute()).length).toBe(auditBefore);
    expect(TRANSITIONS.withdraw.from).not.toContain("completed");
    await transition(kit.database.db, users.cityA, hubId, "withdraw", { comment: "Ya no" });
    expect((await version(hubId)).status).toBe("withdrawn");
    await expect(transition(kit.database.db, users.cityA, hubId, "submit")).rejects.toMatchObject({ reason: "wrongStatus" });
  });
});


describe("a recognised HUB's agreed baseline", () => {
  it("turns a change of outcomes or timeline into a change request the secretariat decides, showing what changed", async () => {
    const hubId = await createDraft(users.cityA);
    await postEdit(users.cityA, hubId, { intent: "submit", version: String((await version(hubId)).version) });
    await transition(kit.database.db, users.secretariat, hubId, "recognise", { comment: "OK" });
    const response = await postEdit(users.cityA, hubId, {
      version: String((await version(hubId)).version),
      endDate: "2029-06-30",
      "outcomes[0].targetValue": "12",
      "translations.fr.title": "Mobilité propre dans les quartiers",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("changeRequested=1");
    // Nothing published changes until the secretariat approves: neither the baseline nor the city's translation.
    const hub = await kit.database.db.selectFrom("hubs").select(["end_date", "status"]).where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(hub).toEqual({ end_date: "2028-12-31", status: "recognised" });
    const fr = await kit.database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "fr").executeTakeFirstOrThrow();
    expect(fr.title).not.toBe("Mobilité propre dans les quartiers");

    const page = (await (await callRoute(reviewRoute.loader, kit.database, { path: `/en/review/${hubId}`, cookie: users.secretariat.cookie, params: { lang: "en", hubId: String(hubId) } })).json()) as {
      changeRequests: { id: number; status: string; changes: { field: string; before: string; after: string }[] }[];
    };
    const request = page.changeRequests[0];
    expect(request.status).toBe("pending");
    expect(request.changes.map((change) => change.field)).toEqual(["title", "endDate", "outcome"]);
    expect(request.changes[0]).toMatchObject({ language: "fr", after: "Mobilité propre dans les quartiers" });
    expect(request.changes[1]).toMatchObject({ before: "2028-12-31", after: "2029-06-30" });

    // A recognised HUB cannot be emptied: its saves are checked like a submission.
    const emptied = await postEdit(users.cityA, hubId, { version: String((await version(hubId)).version), goals: undefined, primaryGoal: undefined, targets: undefined });
    expect(emptied.status).toBe(400);
    expect(await kit.database.db.selectFrom("hub_goals").select("goal").where("hub_id", "=", hubId).execute()).toHaveLength(2);

    // Only the secretariat decides it.
    const seen = String((await version(hubId)).version);
    expect((await postReview(users.council, hubId, { intent: "decideChange", changeRequestId: String(request.id), version: seen, decision: "approve" })).status).toBe(403);
    expect((await postReview(users.secretariat, hubId, { intent: "decideChange", changeRequestId: String(request.id), version: seen, decision: "approve", message: "De acuerdo" }, "en")).status).toBe(302);
    const after = await kit.database.db.selectFrom("hubs").select("end_date").where("id", "=", hubId).executeTakeFirstOrThrow();
    expect(after.end_date).toBe("2029-06-30");
    const outcome = await kit.database.db.selectFrom("hub_outcomes").select("target_value").where("hub_id", "=", hubId).executeTakeFirstOrThrow();
    expect(outcome.target_value).toBe(12);
    // The public page data: what changed, and each text in the reader's language or the original.
    const details = await publicHubDetails(kit.database.db, hubId, "fr");
    expect(details!.changes[0].changes.map((change) => change.field)).toEqual(["endDate", "outcome"]);
    // The HUB page reads the same inside its one statement (the change's date from JSON there).
    const { slug } = await kit.database.db.selectFrom("hubs").select("slug").where("id", "=", hubId).executeTakeFirstOrThrow();
    const hubPage = await hubPageData(contextFor(kit.database), requestFor({ path: `/fr/hubs/${slug}` }), { slug, language: "fr", today: isoToday() });
    expect(hubPage!.details).toEqual(details);
    expect(details!.texts.title).toEqual({ text: "Mobilité propre dans les quartiers", language: "fr", isOriginal: false });
    expect(details!.texts.summary).toMatchObject({ language: "es", isOriginal: true });
    expect(details!.missingTranslations).toContain("summary");
    expect(details!.communication.documents).toEqual([{ title: "Plan", url: "https://example.org/plan.pdf" }]);
    const audit = await kit.database.db.selectFrom("audit_log").select(["action", "comment"]).where("hub_id", "=", hubId).where("entity", "=", "hub_change_request").orderBy("id").execute();
    expect(audit).toEqual([
      { action: "change_request", comment: null },
      { action: "change_approved", comment: "De acuerdo" },
    ]);
  });
});


describe("the demo city's recognised HUBs", () => {
  it("round-trip through the edit form unchanged: no error, no change request", async () => {
    const hubs = await kit.database.db.selectFrom("hubs").select("id").where("lead_organisation_id", "=", users.cityA.organisationId!).where("status", "=", "recognised").where("created_by", "is", null).execute();
    expect(hubs.length).toBeGreaterThan(0);
    for (const { id } of hubs) {
      const page = (await (await editLoader(users.cityA, id)).json()) as { values: Record<string, unknown> };
      const form = new FormData();
      const append = (name: string, value: unknown) => {
        if (value === undefined || value === null) return;
        if (Array.isArray(value)) value.forEach((item, index) => (typeof item === "object" ? Object.entries(item).forEach(([k, v]) => append(`${name}[${index}].${k}`, v)) : append(name, item)));
        else if (typeof value === "object") Object.entries(value as Record<string, unknown>).forEach(([k, v]) => append(`${name}.${k}`, v));
        else form.append(name, String(value));
      };
      for (const [name, value] of Object.entries(page.values)) append(name, value);
      form.append("intent", "save");
      const response = await callRoute(editRoute.action, kit.database, { path: `/es/my/hubs/${id}`, method: "POST", body: form, cookie: users.cityA.cookie, params: { lang: "es", hubId: String(id) } });
      expect(response.status, `${id}: ${response.status === 302 ? "" : await response.clone().text()}`).toBe(302);
      expect(response.headers.get("Location")).toContain("saved=1");
    }
  });
});


describe("translations by the secretariat", () => {
  it("adds a missing translation (version-checked, audited) and the HUB leaves the missing-translations list", async () => {
    const hubId = await createDraft(users.cityA, { "translations.en.title": undefined });
    await transition(kit.database.db, users.cityA, hubId, "submit");
    const listed = (await listMissingTranslations(kit.database.db)).find((hub) => hub.id === hubId);
    expect(listed!.missing.map((entry) => entry.language)).toEqual(["en", "fr"]);
    expect(listed!.missing[0].fields).toEqual(["title", "summary", "description", "localGlobalLink", "acceleration", "synchronisation"]);

    const fields: Record<string, string> = { intent: "translate", version: String((await version(hubId)).version) };
    for (const language of ["en", "fr"]) {
      for (const field of ["title", "summary", "description", "localGlobalLink", "acceleration", "synchronisation"]) fields[`translations.${language}.${field}`] = `${field} in ${language}`;
    }
    // Neither the council nor a city may use the secretariat's form.
    expect((await postReview(users.council, hubId, fields)).status).toBe(403);
    expect((await postReview(users.cityA, hubId, fields)).status).toBe(403);
    const saved = await postReview(users.secretariat, hubId, fields, "en");
    expect(saved.status).toBe(302);
    expect((await listMissingTranslations(kit.database.db)).find((hub) => hub.id === hubId)).toBeUndefined();
    const fr = await kit.database.db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).where("language", "=", "fr").executeTakeFirstOrThrow();
    expect(fr.acceleration).toBe("acceleration in fr");
    // The same (now stale) version again: a conflict, nothing overwritten.
    const stale = await postReview(users.secretariat, hubId, { ...fields, "translations.fr.title": "Écrasé" }, "en");
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["validation:conflict"]);
    const after = await kit.database.db.selectFrom("hub_translations").select("title").where("hub_id", "=", hubId).where("language", "=", "fr").executeTakeFirstOrThrow();
    expect(after.title).toBe("title in fr");
  });
});
