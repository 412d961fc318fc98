import { randomBytes } from "node:crypto";
import { type Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, HubStatus, HubUpdate } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { roleMay } from "~/modules/permissions/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_COLUMNS as COLUMN, TEXT_FIELDS, type ProposalInput } from "./proposal-schema";
import { SNAPSHOT_FIELDS, snapshotChanges, snapshotOf, type ProposalSnapshot, type SnapshotChange, type SnapshotField } from "./proposal-snapshot";
import { PUBLIC_STORED_STATUSES, isPublicStatus } from "~/modules/hubs/lifecycle";
import { WorkflowError, transitionInTransaction } from "~/modules/hubs/lifecycle.server";
import { setProposalCall } from "~/modules/calls/calls.server";

/** Writing a proposal: the form's input into the HUB, its texts, lists and agreed baseline, in one transaction. */
/** Statuses in which the city edits the proposal itself. */
export const EDITABLE_STATUSES: HubStatus[] = ["draft", "changes_requested"];
/** Statuses in which the city edits a public HUB: its saves become a change request for the secretariat (see `saveProposal`). */
export const BASELINE_STATUSES: HubStatus[] = ["recognised"];

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

/** The published state of a stored HUB, as a snapshot (what the public page shows of it). */
export async function storedSnapshot(db: DB | Transaction<Database>, hubId: number): Promise<ProposalSnapshot> {
  const [hub, translations, goals, targets, participants, outcomes, partners, syncs, events, documents] = await Promise.all([
    db
      .selectFrom("hubs")
      .select(["original_language", "theme_id", "latitude", "longitude", "start_date", "end_date", "communication_channels", "contact_email", "website"])
      .where("id", "=", hubId)
      .executeTakeFirstOrThrow(),
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
  const texts = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const row = translations.find((candidate) => candidate.language === language);
      return [language, Object.fromEntries(TEXT_FIELDS.map((field) => [field, row?.[COLUMN[field]] || null]))];
    }),
  ) as ProposalSnapshot["texts"];
  return {
    originalLanguage: hub.original_language,
    texts,
    themeId: hub.theme_id,
    latitude: hub.latitude,
    longitude: hub.longitude,
    participants: participants.map((row) => row.organisation_id).sort((a, b) => a - b),
    goals: goals.map((row) => row.goal),
    primaryGoal: goals.find((row) => row.is_primary)?.goal ?? null,
    targets: targets.map((row) => row.target_id).sort(),
    partners: partners.map((row) => row.name),
    synchronisedHubs: syncs.map((row) => row.other_hub_id).sort((a, b) => a - b),
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
    channels: hub.communication_channels,
    events: events.map((row) => ({ name: row.name, date: row.event_date })),
    documents: documents.map((row) => ({ title: row.title, url: row.url })),
    contactEmail: hub.contact_email,
    website: hub.website,
  };
}

/**
 * Publishes `snapshot` into the HUB's rows. With `changes`, only those fields and texts are written
 * (an approved change request): the rest, the outcomes' rows included (progress reports point at
 * them), is left as it is. Without, everything is written (a draft's save).
 */
export async function writeSnapshot(trx: Transaction<Database>, hubId: number, snapshot: ProposalSnapshot, changes?: SnapshotChange[]) {
  const fields = new Set<string>(changes ? changes.filter((change) => !("language" in change)).map((change) => change.field) : SNAPSHOT_FIELDS);
  const touches = (...names: SnapshotField[]) => names.some((name) => fields.has(name));
  const hubColumns: HubUpdate = {
    ...(touches("originalLanguage") ? { original_language: snapshot.originalLanguage } : {}),
    ...(touches("themeId") ? { theme_id: snapshot.themeId } : {}),
    ...(touches("latitude") ? { latitude: snapshot.latitude } : {}),
    ...(touches("longitude") ? { longitude: snapshot.longitude } : {}),
    ...(touches("startDate") ? { start_date: snapshot.startDate } : {}),
    ...(touches("endDate") ? { end_date: snapshot.endDate } : {}),
    ...(touches("channels") ? { communication_channels: snapshot.channels } : {}),
    ...(touches("contactEmail") ? { contact_email: snapshot.contactEmail } : {}),
    ...(touches("website") ? { website: snapshot.website } : {}),
  };
  if (Object.keys(hubColumns).length) await trx.updateTable("hubs").set(hubColumns).where("id", "=", hubId).execute();

  const now = new Date();
  for (const language of SUPPORTED_LANGUAGES) {
    const textFields = changes
      ? changes.flatMap((change) => ("language" in change && change.language === language ? [change.field] : []))
      : [...TEXT_FIELDS];
    if (!textFields.length) continue;
    const row = Object.fromEntries(textFields.map((field) => [COLUMN[field], snapshot.texts[language][field]]));
    await trx
      .insertInto("hub_translations")
      .values({ hub_id: hubId, language, ...row, updated_at: now })
      .onConflict((oc) => oc.columns(["hub_id", "language"]).doUpdateSet({ ...row, updated_at: now }))
      .execute();
  }

  if (touches("goals", "primaryGoal")) {
    await trx.deleteFrom("hub_goals").where("hub_id", "=", hubId).execute();
    if (snapshot.goals.length) {
      await trx
        .insertInto("hub_goals")
        .values(snapshot.goals.map((goal) => ({ hub_id: hubId, goal, is_primary: goal === snapshot.primaryGoal })))
        .execute();
    }
  }
  if (touches("targets")) {
    await trx.deleteFrom("hub_targets").where("hub_id", "=", hubId).execute();
    if (snapshot.targets.length) await trx.insertInto("hub_targets").values(snapshot.targets.map((target_id) => ({ hub_id: hubId, target_id }))).execute();
  }
  if (touches("participants")) {
    await trx.deleteFrom("hub_participants").where("hub_id", "=", hubId).execute();
    if (snapshot.participants.length) {
      await trx.insertInto("hub_participants").values(snapshot.participants.map((organisation_id) => ({ hub_id: hubId, organisation_id }))).execute();
    }
  }
  if (touches("partners")) {
    await trx.deleteFrom("hub_partners").where("hub_id", "=", hubId).execute();
    if (snapshot.partners.length) {
      await trx.insertInto("hub_partners").values(snapshot.partners.map((name, position) => ({ hub_id: hubId, position, name }))).execute();
    }
  }
  if (touches("synchronisedHubs")) {
    await trx.deleteFrom("hub_synchronisations").where("hub_id", "=", hubId).execute();
    if (snapshot.synchronisedHubs.length) {
      await trx.insertInto("hub_synchronisations").values(snapshot.synchronisedHubs.map((other_hub_id) => ({ hub_id: hubId, other_hub_id }))).execute();
    }
  }
  if (touches("events")) {
    await trx.deleteFrom("hub_events").where("hub_id", "=", hubId).execute();
    if (snapshot.events.length) {
      await trx.insertInto("hub_events").values(snapshot.events.map((event, position) => ({ hub_id: hubId, position, name: event.name, event_date: event.date }))).execute();
    }
  }
  if (touches("documents")) {
    await trx.deleteFrom("hub_documents").where("hub_id", "=", hubId).execute();
    if (snapshot.documents.length) {
      await trx.insertInto("hub_documents").values(snapshot.documents.map((document, position) => ({ hub_id: hubId, position, title: document.title, url: document.url }))).execute();
    }
  }
  if (touches("outcomes")) {
    await trx.deleteFrom("hub_outcomes").where("hub_id", "=", hubId).execute();
    if (snapshot.outcomes.length) {
      await trx
        .insertInto("hub_outcomes")
        .values(
          snapshot.outcomes.map((o, position) => ({
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
      .where("status", "in", PUBLIC_STORED_STATUSES)
      .where("id", "!=", hubId ?? 0)
      .execute();
    if (found.length !== syncs.length) errors.synchronisedHubs = ["validation:choice"];
  }
  return errors;
}

export interface SaveResult {
  hubId: number;
  /** The save became (or extended) the HUB's pending change request: nothing public changed yet. */
  changeRequested: boolean;
}

/**
 * Creates (hubId undefined) or updates a proposal in one transaction. While the HUB is not public
 * (lifecycle.ts), the form's values are written at once. Once it is public, nothing the public sees
 * changes here: the difference from the published version becomes the HUB's one pending change
 * request (`requestPublishedChanges`), published only when the secretariat approves it.
 * `submit` also moves a draft to "submitted".
 * Throws WorkflowError("conflict") when `input.version` is not the stored one.
 */
export async function saveProposal(db: DB, user: SessionUser, hubId: number | undefined, input: ProposalInput, { submit = false } = {}): Promise<SaveResult> {
  if (!roleMay(user, "hub:propose") || user.organisationId === null) throw new WorkflowError("notAllowed");
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
          latitude: input.latitude,
          longitude: input.longitude,
          start_date: input.startDate,
          end_date: input.endDate,
          created_by: user.id,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      hubId = row.id;
      await writeSnapshot(trx, hubId, snapshotOf(input, { organisationId, hubId }));
      await setProposalCall(trx, hubId, input.callId, now);
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
      if (!EDITABLE_STATUSES.includes(hub.status) && !BASELINE_STATUSES.includes(hub.status)) throw new WorkflowError("wrongStatus");
      const published = isPublicStatus(hub.status);
      // The version moves on every save (a second tab's stale form gets a conflict); `updated_at`,
      // which the public pages show, only when something is published.
      const updated = await trx
        .updateTable("hubs")
        .set((eb) => ({ version: eb("version", "+", 1), ...(published ? {} : { updated_at: now }) }))
        .where("id", "=", hubId)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new WorkflowError("conflict");
      const proposed = snapshotOf(input, { organisationId, hubId });
      if (published) changeRequested = await requestPublishedChanges(trx, user, hubId, proposed);
      else {
        await writeSnapshot(trx, hubId, proposed);
        await setProposalCall(trx, hubId, input.callId, now);
      }
      await recordAudit(trx, { entity: "hub", entityId: hubId, hubId, actorUserId: user.id, action: "save" });
    }
    if (submit) {
      const current = await trx.selectFrom("hubs").select("version").where("id", "=", hubId).executeTakeFirstOrThrow();
      await transitionInTransaction(trx, user, hubId, "submit", { expectedVersion: current.version });
    }
    return { hubId, changeRequested };
  });
}

/**
 * A public HUB's city asks to publish `proposed`. Its difference from what is published becomes the
 * HUB's one pending change request: created, or, when one is pending already, brought up to date in
 * place (the edit form shows the pending version, so `proposed` carries the earlier changes too).
 * A save that matches what is published again withdraws the pending request. True when a request
 * is pending afterwards.
 */
async function requestPublishedChanges(trx: Transaction<Database>, user: SessionUser, hubId: number, proposed: ProposalSnapshot): Promise<boolean> {
  const current = await storedSnapshot(trx, hubId);
  const pending = await trx
    .selectFrom("hub_change_requests")
    .select("id")
    .where("hub_id", "=", hubId)
    .where("status", "=", "pending")
    .forUpdate()
    .executeTakeFirst();
  if (!snapshotChanges(current, proposed).length) {
    if (pending) {
      await trx.deleteFrom("hub_change_requests").where("id", "=", pending.id).execute();
      await recordAudit(trx, { entity: "hub_change_request", entityId: pending.id, hubId, actorUserId: user.id, action: "change_request_withdrawn" });
    }
    return false;
  }
  const values = { baseline: JSON.stringify(current), proposed: JSON.stringify(proposed), requested_by: user.id };
  const requestId = pending
    ? (await trx.updateTable("hub_change_requests").set(values).where("id", "=", pending.id).returning("id").executeTakeFirstOrThrow()).id
    : (await trx.insertInto("hub_change_requests").values({ hub_id: hubId, status: "pending", ...values }).returning("id").executeTakeFirstOrThrow()).id;
  await recordAudit(trx, { entity: "hub_change_request", entityId: requestId, hubId, actorUserId: user.id, action: pending ? "change_request_updated" : "change_request" });
  return true;
}
