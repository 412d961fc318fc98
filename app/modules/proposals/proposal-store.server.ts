import { randomBytes } from "node:crypto";
import { type Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, HubStatus } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { roleMay } from "~/modules/permissions/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_COLUMNS as COLUMN, TEXT_FIELDS, diffBaselines, type Baseline, type ProposalInput, type TextField } from "./proposal-schema";
import { PUBLIC_STORED_STATUSES } from "~/modules/hubs/lifecycle";
import { WorkflowError, transitionInTransaction } from "~/modules/hubs/lifecycle.server";

/** Writing a proposal: the form's input into the HUB, its texts, lists and agreed baseline, in one transaction. */
/** Statuses in which the city edits the proposal itself. */
export const EDITABLE_STATUSES: HubStatus[] = ["draft", "changes_requested"];
/** Statuses in which outcome/timeline edits become a change request for the secretariat. */
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

export async function writeBaseline(trx: Transaction<Database>, hubId: number, baseline: Baseline) {
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
      .where("status", "in", PUBLIC_STORED_STATUSES)
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
