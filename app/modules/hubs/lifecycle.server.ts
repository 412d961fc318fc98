import type { Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, HubStatus, UserRole } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { pickText } from "~/modules/i18n/text-fallback";
import { can, ownsHub } from "~/modules/permissions/permissions";
import { queueMail } from "~/modules/mail/mailer.server";
import { WorkflowError } from "./workflow-error";
export { WorkflowError } from "./workflow-error";
export { isPublicHubSql, publicStatusSql } from "./public-status-sql.server";
import { requireOpenCallForSubmission } from "~/modules/calls/calls.server";
import { refreshReportingState } from "~/modules/progress/reporting-state.server";

/**
 * The HUB lifecycle, server side: the only code that changes a HUB's stored status (the transition
 * table below), and the public status in SQL (`publicStatusSql`, the twin of `publicStatusOf` in
 * lifecycle.ts). Why: docs/decisions/025-hub-lifecycle.md.
 */

/**
 * The ONE place that decides who may move a HUB from one status to another. Every transition runs in
 * a transaction that re-reads the HUB (locked), checks role, ownership and the current status on the
 * server, changes the status and writes the audit row (who, when, from, to, comment) together.
 */
export type Transition = "submit" | "request_changes" | "recognise" | "decline" | "withdraw" | "complete";

interface Rule {
  roles: UserRole[];
  from: HubStatus[];
  to: HubStatus;
  /** The city may act only on its own organisation's HUBs. */
  ownOnly?: boolean;
  /** A message to the city is required (decisions). */
  needsMessage?: boolean;
}

export const TRANSITIONS: Record<Transition, Rule> = {
  submit: { roles: ["city"], from: ["draft", "changes_requested"], to: "submitted", ownOnly: true },
  request_changes: { roles: ["secretariat"], from: ["submitted"], to: "changes_requested", needsMessage: true },
  recognise: { roles: ["secretariat"], from: ["submitted"], to: "recognised", needsMessage: true },
  decline: { roles: ["secretariat"], from: ["submitted"], to: "declined", needsMessage: true },
  // "The city may withdraw at any time before completion."
  withdraw: { roles: ["city"], from: ["draft", "submitted", "changes_requested", "recognised"], to: "withdrawn", ownOnly: true },
  // Only as the consequence of an accepted final report (`completeAfterFinalReport`): the council
  // accepts reports, and no form posts this transition.
  complete: { roles: ["council", "secretariat"], from: ["recognised"], to: "completed" },
};

export function canTransition(user: Pick<SessionUser, "role" | "organisationId">, hub: { status: HubStatus; lead_organisation_id: number }, transition: Transition) {
  const rule = TRANSITIONS[transition];
  if (!rule.roles.includes(user.role)) return false;
  if (rule.ownOnly && !ownsHub(user, hub)) return false;
  return rule.from.includes(hub.status);
}

export interface TransitionOptions {
  comment?: string | null;
  /** The version the user's page showed: a stale page gets a conflict rather than acting on a changed HUB. */
  expectedVersion?: number;
}

/** Runs `transition` inside `trx` (so callers can save the form and submit in one transaction). */
export async function transitionInTransaction(
  trx: Transaction<Database>,
  user: SessionUser,
  hubId: number,
  transition: Transition,
  options: TransitionOptions = {},
): Promise<{ from: HubStatus; to: HubStatus }> {
  const rule = TRANSITIONS[transition];
  const hub = await trx
    .selectFrom("hubs")
    .select(["id", "status", "lead_organisation_id", "version", "start_date", "created_by"])
    .where("id", "=", hubId)
    .forUpdate()
    .executeTakeFirst();
  if (!hub) throw new WorkflowError("notFound");
  // A city never learns about another city's HUB.
  if (!can(user, "hub:read", hub)) throw new WorkflowError("notFound");
  if (!rule.roles.includes(user.role) || (rule.ownOnly && !ownsHub(user, hub))) throw new WorkflowError("notAllowed");
  if (options.expectedVersion !== undefined && options.expectedVersion !== hub.version) throw new WorkflowError("conflict");
  if (!rule.from.includes(hub.status)) throw new WorkflowError("wrongStatus");
  const comment = options.comment?.trim() || null;
  if (rule.needsMessage && !comment) throw new WorkflowError("messageRequired");
  if (transition === "submit") {
    const organisation = await trx.selectFrom("organisations").select("verified_at").where("id", "=", hub.lead_organisation_id).executeTakeFirst();
    if (!organisation?.verified_at) throw new WorkflowError("unverified");
  }

  const now = new Date();
  // A proposal is submitted to an open call (server time): the calls module decides which and whether.
  if (transition === "submit") await requireOpenCallForSubmission(trx, hubId, now);
  await trx
    .updateTable("hubs")
    .set((eb) => ({
      status: rule.to,
      version: eb("version", "+", 1),
      updated_at: now,
      ...(transition === "submit" ? { submitted_at: now } : {}),
      ...(transition === "recognise" ? { recognised_at: now } : {}),
      ...(transition === "complete" ? { completed_at: now } : {}),
    }))
    .where("id", "=", hubId)
    .execute();
  await recordAudit(trx, {
    entity: "hub",
    entityId: hubId,
    hubId,
    actorUserId: user.id,
    action: transition,
    fromStatus: hub.status,
    toStatus: rule.to,
    comment,
  });
  if (transition === "request_changes" || transition === "recognise" || transition === "decline") {
    await notifyCity(trx, hubId, hub.lead_organisation_id, transition, comment ?? "");
  }
  // Recognised or completed, the HUB enters, changes or leaves the council dashboard.
  await refreshReportingState(trx, [hubId]);
  return { from: hub.status, to: rule.to };
}

/** The final report was accepted: a recognised HUB becomes completed; a HUB in any other status stays as it is. */
export async function completeAfterFinalReport(trx: Transaction<Database>, reviewer: SessionUser, hubId: number): Promise<void> {
  try {
    await transitionInTransaction(trx, reviewer, hubId, "complete");
  } catch (error) {
    if (!(error instanceof WorkflowError && error.reason === "wrongStatus")) throw error;
  }
}

export async function transition(db: DB, user: SessionUser, hubId: number, name: Transition, options: TransitionOptions = {}) {
  return db.transaction().execute((trx) => transitionInTransaction(trx, user, hubId, name, options));
}

/** Tells every city user of the lead organisation about a decision, each in their preferred language. */
async function notifyCity(trx: Transaction<Database>, hubId: number, organisationId: number, decision: string, comment: string) {
  const [recipients, texts] = await Promise.all([
    trx
      .selectFrom("users")
      .select(["id", "email", "preferred_language"])
      .where("organisation_id", "=", organisationId)
      .where("role", "=", "city")
      .where("disabled_at", "is", null)
      .execute(),
    trx.selectFrom("hub_translations").select(["language", "title"]).where("hub_id", "=", hubId).execute(),
  ]);
  const hub = await trx.selectFrom("hubs").select("original_language").where("id", "=", hubId).executeTakeFirstOrThrow();
  for (const recipient of recipients) {
    const t = await getTranslator(recipient.preferred_language);
    const title = pickText(texts, "title", recipient.preferred_language, hub.original_language)?.text ?? "";
    await queueMail(trx, {
      to: recipient.email,
      subject: t(`proposals:mail.${decision}.subject`, { title }),
      text: t(`proposals:mail.${decision}.body`, { title, message: comment }),
      kind: `hub_${decision}`,
      language: recipient.preferred_language,
    });
    // A recognition is also an in-app notification (the e-mail above is its message).
    if (decision === "recognise") {
      await trx
        .insertInto("notifications")
        .values({ user_id: recipient.id, kind: "hub_recognised", hub_id: hubId, update_id: null, due_date: null, dedupe_key: `hub-recognised:h${hubId}:u${recipient.id}` })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .execute();
    }
  }
}
