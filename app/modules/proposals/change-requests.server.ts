import type { DB } from "../../../db/index";
import type { Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { roleMay } from "~/modules/permissions/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { pickText } from "~/modules/i18n/text-fallback";
import { diffBaselines, type Baseline } from "./proposal-schema";
import { snapshotChanges, withRequestedChanges, type ProposalSnapshot } from "./proposal-snapshot";
import { isPublicStatus } from "~/modules/hubs/lifecycle";
import { WorkflowError } from "~/modules/hubs/lifecycle.server";
import { storedSnapshot, writeSnapshot } from "./proposal-store.server";

/**
 * Changes to a public HUB: asked by the city (`saveProposal` writes the HUB's one pending request),
 * decided by the secretariat. Until approved, the public pages show the published version.
 */

/**
 * The secretariat approves (publishes) or rejects the pending change request. `expectedVersion` is the
 * HUB version the secretariat's page showed: a city that changed the request since gets a conflict,
 * so nothing is published that the secretariat has not seen.
 */
export async function decideChangeRequest(
  db: DB,
  user: SessionUser,
  hubId: number,
  requestId: number,
  approve: boolean,
  comment: string | null,
  expectedVersion?: number,
) {
  if (!roleMay(user, "review:decide")) throw new WorkflowError("notAllowed");
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["version", "status"]).where("id", "=", hubId).forUpdate().executeTakeFirst();
    if (!hub) throw new WorkflowError("notFound");
    const request = await trx
      .selectFrom("hub_change_requests")
      .selectAll()
      .where("id", "=", requestId)
      .where("hub_id", "=", hubId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new WorkflowError("notFound");
    if (request.status !== "pending") throw new WorkflowError("wrongStatus");
    if (expectedVersion !== undefined && expectedVersion !== hub.version) throw new WorkflowError("conflict");
    if (approve) {
      // A HUB withdrawn since the city asked publishes nothing more.
      if (!isPublicStatus(hub.status)) throw new WorkflowError("wrongStatus");
      const published = await storedSnapshot(trx, hubId);
      const baseline = JSON.parse(request.baseline) as Partial<ProposalSnapshot>;
      const proposed = JSON.parse(request.proposed) as Partial<ProposalSnapshot>;
      // Only what the city changed is written: a translation the secretariat published since stays.
      const merged = withRequestedChanges(published, baseline, proposed);
      await writeSnapshot(trx, hubId, merged, snapshotChanges(published, merged));
      await trx.updateTable("hubs").set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() })).where("id", "=", hubId).execute();
    }
    await trx
      .updateTable("hub_change_requests")
      .set({ status: approve ? "approved" : "rejected", decided_by: user.id, decided_at: new Date(), decision_comment: comment })
      .where("id", "=", requestId)
      .execute();
    await recordAudit(trx, {
      entity: "hub_change_request",
      entityId: requestId,
      hubId,
      actorUserId: user.id,
      action: approve ? "change_approved" : "change_rejected",
      comment,
    });
  });
}

/**
 * One line of a change request's diff: `field` is a proposal form field (its label is
 * `proposals:form.<field>.label`), "outcome" or "primaryGoal"; `ChangeRequestTable` shows it.
 */
export interface ChangeLine {
  field: string;
  /** For a text: the language of the text that changes. */
  language?: Language;
  /** For an outcome: its position. */
  index?: number;
  before: string;
  after: string;
}

/**
 * A HUB's change requests, newest first, each with its diff in `language` (theme, organisation and HUB
 * names resolved). A pending request shows what approving it would change now (published → proposed);
 * a decided one what it changed when it was decided.
 */
export async function listChangeRequests(db: DB, hubId: number, language: Language = "en") {
  const rows = await db
    .selectFrom("hub_change_requests")
    .selectAll()
    .where("hub_id", "=", hubId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const published = rows.some((row) => row.status === "pending") ? await storedSnapshot(db, hubId) : null;
  const pairs = rows.map((row) => {
    const baseline = JSON.parse(row.baseline) as Partial<ProposalSnapshot>;
    const proposed = JSON.parse(row.proposed) as Partial<ProposalSnapshot>;
    return row.status === "pending" && published ? { before: published, after: withRequestedChanges(published, baseline, proposed) } : { before: baseline, after: proposed };
  });
  const names = await namesFor(db, language, pairs.flatMap((pair) => [pair.before, pair.after]));
  return rows.map((row, index) => ({
    id: row.id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    comment: row.decision_comment,
    changes: describeChanges(pairs[index].before, pairs[index].after, names),
  }));
}

interface Names {
  themes: Map<number, string>;
  organisations: Map<number, string>;
  hubs: Map<number, string>;
}

/** The names the diff shows instead of ids, in the reader's language where they have one. */
async function namesFor(db: DB, language: Language, snapshots: Partial<ProposalSnapshot>[]): Promise<Names> {
  const themeIds = new Set<number>();
  const organisationIds = new Set<number>();
  const hubIds = new Set<number>();
  for (const snapshot of snapshots) {
    if (snapshot.themeId) themeIds.add(snapshot.themeId);
    snapshot.participants?.forEach((id) => organisationIds.add(id));
    snapshot.synchronisedHubs?.forEach((id) => hubIds.add(id));
  }
  const [themes, organisations, hubs, hubTexts] = await Promise.all([
    themeIds.size ? db.selectFrom("themes").select(["id", "name_en", "name_es", "name_fr"]).where("id", "in", [...themeIds]).execute() : [],
    organisationIds.size ? db.selectFrom("organisations").select(["id", "name"]).where("id", "in", [...organisationIds]).execute() : [],
    hubIds.size ? db.selectFrom("hubs").select(["id", "slug", "original_language"]).where("id", "in", [...hubIds]).execute() : [],
    hubIds.size ? db.selectFrom("hub_translations").select(["hub_id", "language", "title"]).where("hub_id", "in", [...hubIds]).execute() : [],
  ]);
  return {
    themes: new Map(themes.map((theme) => [theme.id, theme[`name_${language}`]])),
    organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    hubs: new Map(
      hubs.map((hub) => [hub.id, pickText(hubTexts.filter((text) => text.hub_id === hub.id), "title", language, hub.original_language)?.text ?? hub.slug]),
    ),
  };
}

function describeChanges(before: Partial<ProposalSnapshot>, after: Partial<ProposalSnapshot>, names: Names): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const list = (values: readonly (string | number)[] | undefined) => (values ?? []).join("\n");
  const named = (ids: readonly number[] | undefined, map: Map<number, string>) => list((ids ?? []).map((id) => map.get(id) ?? `#${id}`));
  const show: Record<string, (snapshot: Partial<ProposalSnapshot>) => string> = {
    originalLanguage: (s) => s.originalLanguage ?? "",
    themeId: (s) => (s.themeId ? (names.themes.get(s.themeId) ?? `#${s.themeId}`) : ""),
    latitude: (s) => String(s.latitude ?? ""),
    longitude: (s) => String(s.longitude ?? ""),
    goals: (s) => list(s.goals),
    primaryGoal: (s) => String(s.primaryGoal ?? ""),
    targets: (s) => list(s.targets),
    participants: (s) => named(s.participants, names.organisations),
    synchronisedHubs: (s) => named(s.synchronisedHubs, names.hubs),
    partners: (s) => list(s.partners),
    channels: (s) => s.channels ?? "",
    events: (s) => list((s.events ?? []).map((event) => `${event.date} · ${event.name}`)),
    documents: (s) => list((s.documents ?? []).map((document) => `${document.title} · ${document.url}`)),
    contactEmail: (s) => s.contactEmail ?? "",
    website: (s) => s.website ?? "",
  };
  for (const change of snapshotChanges(before, after)) {
    if ("language" in change) {
      lines.push({
        field: change.field,
        language: change.language,
        before: before.texts?.[change.language]?.[change.field] ?? "",
        after: after.texts?.[change.language]?.[change.field] ?? "",
      });
    } else if (change.field === "startDate" || change.field === "endDate") {
      lines.push({ field: change.field, before: before[change.field] ?? "", after: after[change.field] ?? "" });
    } else if (change.field === "outcomes") {
      // One line per outcome that changed, as the public page's "what changed" lists them.
      const outcomes = diffBaselines({ startDate: "", endDate: "", outcomes: before.outcomes ?? [] } as Baseline, { startDate: "", endDate: "", outcomes: after.outcomes ?? [] } as Baseline);
      lines.push(...outcomes);
    } else {
      lines.push({ field: change.field, before: show[change.field](before), after: show[change.field](after) });
    }
  }
  return lines;
}
