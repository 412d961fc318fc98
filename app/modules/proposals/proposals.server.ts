import { randomBytes } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, HubStatus, Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_FIELDS, diffBaselines, type Baseline, type ProposalInput, type TextField } from "./proposal-schema";
import { isoToday } from "~/modules/hubs/status";
import { can } from "~/modules/permissions/permissions";
import { WorkflowError, transitionInTransaction } from "./workflow.server";

const COLUMN: Record<TextField, "title" | "summary" | "description" | "local_global_link" | "acceleration" | "synchronisation"> = {
  title: "title",
  summary: "summary",
  description: "description",
  localGlobalLink: "local_global_link",
  acceleration: "acceleration",
  synchronisation: "synchronisation",
};

/** Statuses in which the city edits the proposal itself. */
export const EDITABLE_STATUSES: HubStatus[] = ["draft", "changes_requested"];
/** Statuses in which outcome/timeline edits become a change request for the secretariat. */
export const BASELINE_STATUSES: HubStatus[] = ["recognised"];

export interface HubAccessRow {
  id: number;
  status: HubStatus;
  lead_organisation_id: number;
  original_language: Language;
  version: number;
  start_date: string;
}

/**
 * The HUB if `user` may see it in the workflow pages, else null (the caller answers 404):
 * a city only its own organisation's HUBs; the council and the secretariat all of them.
 */
export async function findVisibleHub(db: DB, user: SessionUser, hubId: number): Promise<HubAccessRow | null> {
  if (!Number.isSafeInteger(hubId) || hubId <= 0 || hubId > 2_147_483_647) return null;
  const hub = await db
    .selectFrom("hubs")
    .select(["id", "status", "lead_organisation_id", "original_language", "version", "start_date"])
    .where("id", "=", hubId)
    .executeTakeFirst();
  if (!hub) return null;
  if (!can(user, "hub:read", hub)) return null;
  return hub;
}

/** The form's values for a stored HUB (strings/numbers/arrays as the fields want them). */
export async function loadProposalValues(db: DB, hubId: number) {
  const [hub, translations, goals, targets, participants, outcomes, partners, syncs, events, documents] = await Promise.all([
    db.selectFrom("hubs").selectAll().where("id", "=", hubId).executeTakeFirstOrThrow(),
    db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_goals").select(["goal", "is_primary"]).where("hub_id", "=", hubId).orderBy("goal").execute(),
    db.selectFrom("hub_targets").select("target_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_participants").select("organisation_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_outcomes").selectAll().where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_partners").select("name").where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_synchronisations").select("other_hub_id").where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_events").select(["name", "event_date"]).where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_documents").select(["title", "url"]).where("hub_id", "=", hubId).orderBy("position").execute(),
  ]);
  const original = translations.find((row) => row.language === hub.original_language);
  const texts = (row: (typeof translations)[number] | undefined) =>
    Object.fromEntries(TEXT_FIELDS.map((field) => [field, row?.[COLUMN[field]] ?? undefined])) as Record<TextField, string | undefined>;
  const translationValues = Object.fromEntries(
    SUPPORTED_LANGUAGES.filter((language) => language !== hub.original_language).map((language) => [
      language,
      texts(translations.find((row) => row.language === language)),
    ]),
  );
  return {
    hub,
    values: {
      version: hub.version,
      originalLanguage: hub.original_language,
      ...texts(original),
      translations: translationValues,
      themeId: hub.theme_id ?? undefined,
      latitude: hub.latitude,
      longitude: hub.longitude,
      participants: participants.map((row) => row.organisation_id),
      goals: goals.map((row) => row.goal),
      primaryGoal: goals.find((row) => row.is_primary)?.goal,
      targets: targets.map((row) => row.target_id),
      startDate: hub.start_date,
      endDate: hub.end_date,
      outcomes: outcomes.map((row) => ({
        statement: row.statement,
        indicator: row.indicator,
        baseline: row.baseline ?? undefined,
        targetValue: row.target_value ?? undefined,
        unit: row.unit ?? undefined,
        milestone: row.milestone ?? undefined,
        dueDate: row.due_date,
      })),
      partners: partners.map((row) => ({ name: row.name })),
      synchronisedHubs: syncs.map((row) => row.other_hub_id),
      channels: hub.communication_channels ?? undefined,
      events: events.map((row) => ({ name: row.name, date: row.event_date })),
      documents: documents.map((row) => ({ title: row.title, url: row.url })),
      contactEmail: hub.contact_email ?? undefined,
      website: hub.website ?? undefined,
    } satisfies Partial<ProposalInput>,
  };
}

function slugify(title: string) {
  const base = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "hub"}-${randomBytes(3).toString("hex")}`;
}

function baselineOf(input: ProposalInput): Baseline {
  return {
    startDate: input.startDate,
    endDate: input.endDate,
    outcomes: (input.outcomes ?? [])
      .filter((o) => o.statement || o.indicator || o.dueDate)
      .map((o) => ({
        statement: o.statement ?? "",
        indicator: o.indicator ?? "",
        baseline: o.baseline ?? null,
        targetValue: o.targetValue ?? null,
        unit: o.unit ?? null,
        milestone: o.milestone ?? null,
        dueDate: o.dueDate ?? "",
      })),
  };
}

export async function storedBaseline(db: DB | Transaction<Database>, hubId: number): Promise<Baseline> {
  const hub = await db.selectFrom("hubs").select(["start_date", "end_date"]).where("id", "=", hubId).executeTakeFirstOrThrow();
  const outcomes = await db.selectFrom("hub_outcomes").selectAll().where("hub_id", "=", hubId).orderBy("position").execute();
  return {
    startDate: hub.start_date,
    endDate: hub.end_date,
    outcomes: outcomes.map((o) => ({
      statement: o.statement,
      indicator: o.indicator,
      baseline: o.baseline,
      targetValue: o.target_value,
      unit: o.unit,
      milestone: o.milestone,
      dueDate: o.due_date,
    })),
  };
}

async function writeBaseline(trx: Transaction<Database>, hubId: number, baseline: Baseline) {
  await trx.updateTable("hubs").set({ start_date: baseline.startDate, end_date: baseline.endDate }).where("id", "=", hubId).execute();
  await trx.deleteFrom("hub_outcomes").where("hub_id", "=", hubId).execute();
  if (baseline.outcomes.length) {
    await trx
      .insertInto("hub_outcomes")
      .values(
        baseline.outcomes.map((o, position) => ({
          hub_id: hubId,
          position,
          statement: o.statement,
          indicator: o.indicator,
          baseline: o.baseline,
          target_value: o.targetValue,
          unit: o.unit,
          milestone: o.milestone,
          due_date: o.dueDate,
        })),
      )
      .execute();
  }
}

async function writeChildren(trx: Transaction<Database>, hubId: number, input: ProposalInput, organisationId: number) {
  const goals = [...new Set(input.goals ?? [])];
  for (const table of ["hub_goals", "hub_targets", "hub_participants", "hub_partners", "hub_synchronisations", "hub_events", "hub_documents"] as const) {
    await trx.deleteFrom(table).where("hub_id", "=", hubId).execute();
  }
  if (goals.length) {
    await trx
      .insertInto("hub_goals")
      .values(goals.map((goal) => ({ hub_id: hubId, goal, is_primary: goal === input.primaryGoal })))
      .execute();
  }
  const targets = [...new Set(input.targets ?? [])];
  if (targets.length) await trx.insertInto("hub_targets").values(targets.map((target_id) => ({ hub_id: hubId, target_id }))).execute();
  const participants = [...new Set(input.participants ?? [])].filter((id) => id !== organisationId);
  if (participants.length) {
    await trx.insertInto("hub_participants").values(participants.map((organisation_id) => ({ hub_id: hubId, organisation_id }))).execute();
  }
  const partners = (input.partners ?? []).filter((p) => p.name);
  if (partners.length) {
    await trx.insertInto("hub_partners").values(partners.map((p, position) => ({ hub_id: hubId, position, name: p.name! }))).execute();
  }
  const syncs = [...new Set(input.synchronisedHubs ?? [])].filter((id) => id !== hubId);
  if (syncs.length) await trx.insertInto("hub_synchronisations").values(syncs.map((other_hub_id) => ({ hub_id: hubId, other_hub_id }))).execute();
  const events = (input.events ?? []).filter((e) => e.name && e.date);
  if (events.length) {
    await trx.insertInto("hub_events").values(events.map((e, position) => ({ hub_id: hubId, position, name: e.name!, event_date: e.date! }))).execute();
  }
  const documents = (input.documents ?? []).filter((d) => d.title && d.url);
  if (documents.length) {
    await trx.insertInto("hub_documents").values(documents.map((d, position) => ({ hub_id: hubId, position, title: d.title!, url: d.url! }))).execute();
  }
}

async function writeTranslations(trx: Transaction<Database>, hubId: number, input: ProposalInput) {
  await trx.deleteFrom("hub_translations").where("hub_id", "=", hubId).execute();
  const now = new Date();
  for (const language of SUPPORTED_LANGUAGES) {
    const source: Partial<Record<TextField, string | undefined>> =
      language === input.originalLanguage ? input : (input.translations?.[language] ?? {});
    const row = Object.fromEntries(TEXT_FIELDS.map((field) => [COLUMN[field], source[field] || null]));
    await trx
      .insertInto("hub_translations")
      .values({ hub_id: hubId, language, ...row, updated_at: now })
      .execute();
  }
}

/** Checks references the schema cannot: the theme, organisations, SDG targets and synchronised HUBs exist (and those HUBs are recognised). */
export async function referenceErrors(db: DB, input: ProposalInput, hubId?: number): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  if (input.themeId !== undefined) {
    const theme = await db.selectFrom("themes").select("id").where("id", "=", input.themeId).executeTakeFirst();
    if (!theme) errors.themeId = ["validation:choice"];
  }
  const participants = [...new Set(input.participants ?? [])];
  if (participants.length) {
    const found = await db.selectFrom("organisations").select("id").where("id", "in", participants).execute();
    if (found.length !== participants.length) errors.participants = ["validation:choice"];
  }
  const targets = [...new Set(input.targets ?? [])];
  if (targets.length) {
    const found = await db.selectFrom("sdg_targets").select("id").where("id", "in", targets).execute();
    if (found.length !== targets.length) errors.targets = ["validation:choice"];
  }
  const syncs = [...new Set(input.synchronisedHubs ?? [])];
  if (syncs.length) {
    const found = await db
      .selectFrom("hubs")
      .select("id")
      .where("id", "in", syncs)
      .where("status", "in", ["recognised", "completed"])
      .where("id", "!=", hubId ?? 0)
      .execute();
    if (found.length !== syncs.length) errors.synchronisedHubs = ["validation:choice"];
  }
  return errors;
}

export interface SaveResult {
  hubId: number;
  changeRequested: boolean;
}

/**
 * Creates (hubId undefined) or updates a proposal in one transaction: the HUB row (version-checked),
 * its texts in every language and its lists. On a recognised HUB, outcomes and timeline are not changed:
 * a difference becomes a pending change request for the secretariat. `submit` also moves it to "submitted".
 * Throws WorkflowError("conflict") when `input.version` is not the stored one.
 */
export async function saveProposal(db: DB, user: SessionUser, hubId: number | undefined, input: ProposalInput, { submit = false } = {}): Promise<SaveResult> {
  if (user.role !== "city" || user.organisationId === null) throw new WorkflowError("notAllowed");
  const organisationId = user.organisationId;
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    let changeRequested = false;
    if (hubId === undefined) {
      const row = await trx
        .insertInto("hubs")
        .values({
          slug: slugify(input.title),
          status: "draft",
          lead_organisation_id: organisationId,
          original_language: input.originalLanguage,
          theme_id: input.themeId ?? null,
          latitude: input.latitude,
          longitude: input.longitude,
          start_date: input.startDate,
          end_date: input.endDate,
          contact_email: input.contactEmail ?? null,
          website: input.website ?? null,
          communication_channels: input.channels ?? null,
          created_by: user.id,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      hubId = row.id;
      await writeBaseline(trx, hubId, baselineOf(input));
      await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "create", toStatus: "draft" });
    } else {
      const hub = await trx
        .selectFrom("hubs")
        .select(["id", "status", "lead_organisation_id", "version"])
        .where("id", "=", hubId)
        .forUpdate()
        .executeTakeFirst();
      if (!hub || hub.lead_organisation_id !== organisationId) throw new WorkflowError("notFound");
      if (input.version !== hub.version) throw new WorkflowError("conflict");
      const baselineLocked = BASELINE_STATUSES.includes(hub.status);
      if (!EDITABLE_STATUSES.includes(hub.status) && !baselineLocked) throw new WorkflowError("wrongStatus");
      const updated = await trx
        .updateTable("hubs")
        .set((eb) => ({
          original_language: input.originalLanguage,
          theme_id: input.themeId ?? null,
          latitude: input.latitude,
          longitude: input.longitude,
          contact_email: input.contactEmail ?? null,
          website: input.website ?? null,
          communication_channels: input.channels ?? null,
          updated_at: now,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", hubId)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new WorkflowError("conflict");
      const proposed = baselineOf(input);
      if (baselineLocked) {
        const current = await storedBaseline(trx, hubId);
        if (diffBaselines(current, proposed).length) {
          await trx.deleteFrom("hub_change_requests").where("hub_id", "=", hubId).where("status", "=", "pending").execute();
          const request = await trx
            .insertInto("hub_change_requests")
            .values({ hub_id: hubId, status: "pending", baseline: JSON.stringify(current), proposed: JSON.stringify(proposed), requested_by: user.id })
            .returning("id")
            .executeTakeFirstOrThrow();
          await recordAudit(trx, { entity: "hub_change_request", entityId: request.id, hubId, actorUserId: user.id, action: "change_request" });
          changeRequested = true;
        }
      } else {
        await writeBaseline(trx, hubId, proposed);
      }
      await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "save" });
    }
    await writeTranslations(trx, hubId, input);
    await writeChildren(trx, hubId, input, organisationId);
    if (submit) {
      const current = await trx.selectFrom("hubs").select("version").where("id", "=", hubId).executeTakeFirstOrThrow();
      await transitionInTransaction(trx, user, hubId, "submit", { expectedVersion: current.version });
    }
    return { hubId, changeRequested };
  });
}

/** The secretariat approves (applies) or rejects a pending change of a recognised HUB's outcomes/timeline. */
export async function decideChangeRequest(db: DB, user: SessionUser, hubId: number, requestId: number, approve: boolean, comment: string | null) {
  if (user.role !== "secretariat") throw new WorkflowError("notAllowed");
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("hub_change_requests")
      .selectAll()
      .where("id", "=", requestId)
      .where("hub_id", "=", hubId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new WorkflowError("notFound");
    if (request.status !== "pending") throw new WorkflowError("wrongStatus");
    if (approve) {
      await writeBaseline(trx, hubId, JSON.parse(request.proposed) as Baseline);
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

export async function listChangeRequests(db: DB, hubId: number) {
  const rows = await db
    .selectFrom("hub_change_requests")
    .selectAll()
    .where("hub_id", "=", hubId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => {
    const baseline = JSON.parse(row.baseline) as Baseline;
    const proposed = JSON.parse(row.proposed) as Baseline;
    return {
      id: row.id,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      comment: row.decision_comment,
      changes: diffBaselines(baseline, proposed),
    };
  });
}

export async function recordReview(db: DB, user: SessionUser, hubId: number, recommendation: "recognise" | "changes" | "decline", comment: string) {
  if (user.role !== "council") throw new WorkflowError("notAllowed");
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["status"]).where("id", "=", hubId).forUpdate().executeTakeFirst();
    if (!hub) throw new WorkflowError("notFound");
    if (hub.status !== "submitted") throw new WorkflowError("wrongStatus");
    const row = await trx
      .insertInto("hub_reviews")
      .values({ hub_id: hubId, reviewer_id: user.id, recommendation, comment })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { entity: "hub_review", entityId: row.id, hubId, actorUserId: user.id, action: `review_${recommendation}`, comment });
  });
}

export async function listReviews(db: DB, hubId: number) {
  return db
    .selectFrom("hub_reviews as r")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .select(["r.id", "r.recommendation", "r.comment", "r.created_at", "u.display_name as reviewer"])
    .where("r.hub_id", "=", hubId)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** The history the city sees: status changes with the secretariat's messages, saves and change requests (not council reviews). */
export async function listHistory(db: DB, hubId: number, { includeReviews }: { includeReviews: boolean }) {
  let query = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select(["a.id", "a.action", "a.from_status", "a.to_status", "a.comment", "a.at", "u.display_name as actor_name", "u.role as actor_role"])
    .where("a.hub_id", "=", hubId);
  if (!includeReviews) query = query.where("a.entity", "!=", "hub_review");
  return query.orderBy("a.at").orderBy("a.id").execute();
}

/** Proposals with their title in `language` (or the original), lead organisation and latest message. */
export async function listProposals(db: DB, language: Language, filter: { organisationId?: number; statuses?: HubStatus[] }) {
  let query = db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .leftJoin("hub_translations as translated", (join) => join.onRef("translated.hub_id", "=", "h.id").on("translated.language", "=", language))
    .select([
      "h.id",
      "h.status",
      "h.original_language",
      "h.start_date",
      "h.end_date",
      "h.submitted_at",
      "h.updated_at",
      "o.name as organisation",
      sql<string>`coalesce(translated.title, original.title)`.as("title"),
      sql<boolean>`translated.title is not null`.as("translated"),
      (eb) =>
        eb
          .selectFrom("audit_log as a")
          .select("a.comment")
          .whereRef("a.hub_id", "=", "h.id")
          .where("a.entity", "=", "hub")
          .where("a.comment", "is not", null)
          .orderBy("a.id", "desc")
          .limit(1)
          .as("last_message"),
      (eb) =>
        eb
          .selectFrom("hub_reviews as r")
          .select((eb2) => eb2.fn.countAll<number>().as("n"))
          .whereRef("r.hub_id", "=", "h.id")
          .as("reviews"),
      (eb) =>
        eb
          .selectFrom("hub_change_requests as c")
          .select((eb2) => eb2.fn.countAll<number>().as("n"))
          .whereRef("c.hub_id", "=", "h.id")
          .where("c.status", "=", "pending")
          .as("pending_changes"),
    ]);
  if (filter.organisationId !== undefined) query = query.where("h.lead_organisation_id", "=", filter.organisationId);
  if (filter.statuses?.length) query = query.where("h.status", "in", filter.statuses);
  const rows = await query.orderBy("h.updated_at", "desc").orderBy("h.id", "desc").execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    /** What to show: "active" for a recognised HUB from its start date on (see hubs/status.ts). */
    displayStatus: (row.status === "recognised" && row.start_date <= isoToday() ? "active" : row.status) as HubStatus | "active",
    title: row.title,
    textLanguage: (row.translated ? language : row.original_language) as Language,
    organisation: row.organisation,
    startDate: row.start_date,
    endDate: row.end_date,
    lastMessage: row.last_message ?? null,
    reviews: Number(row.reviews ?? 0),
    pendingChanges: Number(row.pending_changes ?? 0),
  }));
}

/** HUBs (past the draft stage) with at least one text present in the original but missing in another language. */
export async function listMissingTranslations(db: DB) {
  const rows = await db
    .selectFrom("hubs as h")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .innerJoin("hub_translations as other", (join) => join.onRef("other.hub_id", "=", "h.id").onRef("other.language", "!=", "h.original_language"))
    .select([
      "h.id",
      "h.status",
      "h.original_language",
      "original.title as original_title",
      "other.language",
      ...TEXT_FIELDS.map((field) => sql<boolean>`original.${sql.ref(COLUMN[field])} is not null and other.${sql.ref(COLUMN[field])} is null`.as(field)),
    ])
    .where("h.status", "not in", ["draft", "withdrawn"])
    .orderBy("h.id")
    .orderBy("other.language")
    .execute();
  const byHub = new Map<number, { id: number; status: HubStatus; title: string; originalLanguage: Language; missing: { language: Language; fields: TextField[] }[] }>();
  for (const row of rows) {
    const fields = TEXT_FIELDS.filter((field) => (row as unknown as Record<string, boolean>)[field]);
    if (!fields.length) continue;
    const entry = byHub.get(row.id) ?? { id: row.id, status: row.status, title: row.original_title ?? "", originalLanguage: row.original_language, missing: [] };
    entry.missing.push({ language: row.language, fields });
    byHub.set(row.id, entry);
  }
  return [...byHub.values()];
}

/** For each text field and language: present, or missing (to show "translation missing" beside it). */
export async function translationStatus(db: DB, hubId: number) {
  const rows = await db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute();
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const row = rows.find((r) => r.language === language);
      return [language, Object.fromEntries(TEXT_FIELDS.map((field) => [field, Boolean(row?.[COLUMN[field]])])) as Record<TextField, boolean>];
    }),
  ) as Record<Language, Record<TextField, boolean>>;
}

/** Choices for the form: themes, organisations (other than the lead), SDG targets, recognised HUBs to synchronise with. */
export async function proposalFormOptions(db: DB, language: Language, excludeHubId?: number) {
  const [themes, organisations, targets, hubs] = await Promise.all([
    db.selectFrom("themes").select(["id", `name_${language}` as "name_en"]).orderBy("position").orderBy("id").execute(),
    db.selectFrom("organisations").select(["id", "name", "city", "country_code"]).orderBy("name").execute(),
    db.selectFrom("sdg_targets").select(["id", "goal", `title_${language}` as "title_en"]).orderBy("goal").orderBy("position").execute(),
    db
      .selectFrom("hubs as h")
      .innerJoin("hub_translations as t", (join) => join.onRef("t.hub_id", "=", "h.id").onRef("t.language", "=", "h.original_language"))
      .select(["h.id", "t.title"])
      .where("h.status", "in", ["recognised", "completed"])
      .where("h.id", "!=", excludeHubId ?? 0)
      .orderBy("t.title")
      .execute(),
  ]);
  return {
    themes: themes.map((row) => ({ id: row.id, name: row.name_en })),
    organisations: organisations.map((row) => ({ id: row.id, name: row.name, city: row.city, countryCode: row.country_code.trim() })),
    targets: targets.map((row) => ({ id: row.id, goal: row.goal, title: row.title_en })),
    hubs: hubs.map((row) => ({ id: row.id, title: row.title ?? "" })),
  };
}

/**
 * What the public HUB page shows from the proposal workflow (for the public page's loader):
 * each text in `language` or, when its translation is missing, in the original language (saying which);
 * the communication plan; and the approved changes to the agreed baseline ("what changed").
 * Null unless the HUB is public (recognised or completed).
 */
export async function publicHubDetails(db: DB, hubId: number, language: Language) {
  const hub = await db
    .selectFrom("hubs")
    .select(["id", "status", "original_language", "communication_channels", "contact_email", "website"])
    .where("id", "=", hubId)
    .where("status", "in", ["recognised", "completed"])
    .executeTakeFirst();
  if (!hub) return null;
  const [translations, events, documents, changes] = await Promise.all([
    db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hubId).execute(),
    db.selectFrom("hub_events").select(["name", "event_date"]).where("hub_id", "=", hubId).orderBy("position").execute(),
    db.selectFrom("hub_documents").select(["title", "url"]).where("hub_id", "=", hubId).orderBy("position").execute(),
    db
      .selectFrom("hub_change_requests")
      .select(["id", "baseline", "proposed", "decided_at"])
      .where("hub_id", "=", hubId)
      .where("status", "=", "approved")
      .orderBy("decided_at")
      .orderBy("id")
      .execute(),
  ]);
  const original = translations.find((row) => row.language === hub.original_language);
  const wanted = translations.find((row) => row.language === language);
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => {
      const translated = wanted?.[COLUMN[field]];
      return [field, translated ? { text: translated, language, isOriginal: language === hub.original_language } : { text: original?.[COLUMN[field]] ?? null, language: hub.original_language, isOriginal: true }];
    }),
  ) as Record<TextField, { text: string | null; language: Language; isOriginal: boolean }>;
  return {
    originalLanguage: hub.original_language,
    texts,
    /** True for a field shown in the original language because its translation into `language` is missing. */
    missingTranslations: TEXT_FIELDS.filter((field) => texts[field].language !== language),
    communication: {
      channels: hub.communication_channels,
      events: events.map((row) => ({ name: row.name, date: row.event_date })),
      documents: documents.map((row) => ({ title: row.title, url: row.url })),
    },
    contactEmail: hub.contact_email,
    website: hub.website,
    changes: changes.map((row) => ({
      id: row.id,
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      changes: diffBaselines(JSON.parse(row.baseline) as Baseline, JSON.parse(row.proposed) as Baseline),
    })),
  };
}

/**
 * Adds or corrects the translations (languages other than the original) without touching anything else:
 * the secretariat on any HUB past the draft stage, a city on its own HUBs. Version-checked and audited.
 */
export async function saveTranslations(
  db: DB,
  user: SessionUser,
  hubId: number,
  version: number,
  translations: Partial<Record<Language, Partial<Record<TextField, string | undefined>>>>,
) {
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["status", "version", "original_language", "lead_organisation_id"]).where("id", "=", hubId).forUpdate().executeTakeFirst();
    if (!hub) throw new WorkflowError("notFound");
    if (!can(user, "hub:read", hub)) throw new WorkflowError("notFound");
    if (!can(user, "hub:translate", hub)) throw new WorkflowError("notAllowed");
    if (user.role === "secretariat" && hub.status === "draft") throw new WorkflowError("wrongStatus");
    if (hub.version !== version) throw new WorkflowError("conflict");
    const now = new Date();
    for (const language of SUPPORTED_LANGUAGES.filter((other) => other !== hub.original_language)) {
      const texts = translations[language] ?? {};
      const row = Object.fromEntries(TEXT_FIELDS.map((field) => [COLUMN[field], texts[field] || null]));
      await trx
        .insertInto("hub_translations")
        .values({ hub_id: hubId, language, ...row, updated_at: now })
        .onConflict((oc) => oc.columns(["hub_id", "language"]).doUpdateSet({ ...row, updated_at: now }))
        .execute();
    }
    await trx.updateTable("hubs").set((eb) => ({ version: eb("version", "+", 1), updated_at: now })).where("id", "=", hubId).execute();
    await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "translate" });
  });
}
