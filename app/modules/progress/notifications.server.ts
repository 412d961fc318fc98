import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, Language } from "../../../db/schema";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { formatDate } from "~/modules/i18n/format";
import { queueMail } from "~/modules/mail/mailer.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { listHubCalendars } from "./hub-calendars.server";

type Db = Kysely<Database> | Transaction<Database>;

export type NotificationKind =
  | "report_due_soon"
  | "report_due_today"
  | "report_overdue"
  | "update_submitted"
  | "update_accepted"
  | "update_clarification"
  // The HUB network (app/modules/network/synchronisation.server.ts).
  | "sync_requested"
  | "sync_accepted"
  | "sync_declined"
  | "exchange_reply"
  | "exchange_digest"
  // Written by the accounts and lifecycle modules (in-app only: their e-mail is their own).
  | "organisation_verified"
  | "hub_recognised";

interface Recipient {
  id: number;
  email: string;
  preferred_language: Language;
}

async function hubTitle(db: Db, hubId: number, language: Language): Promise<string> {
  const row = await db
    .selectFrom("hubs as h")
    .select(
      sql<string>`coalesce(${hubTitleSql(language)}, h.slug)`.as("title"),
    )
    .where("h.id", "=", hubId)
    .executeTakeFirst();
  return row?.title ?? "";
}

/**
 * Records one in-app notification and its e-mail (in the recipient's language), once: a second
 * call with the same key does nothing, even from another process (unique key, ON CONFLICT DO NOTHING).
 * Returns whether it was new.
 */
export async function notifyOnce(
  db: Db,
  recipient: Recipient,
  notification: { kind: NotificationKind; hubId: number; updateId?: number | null; dueDate?: string | null; key: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto("notifications")
    .values({
      user_id: recipient.id,
      kind: notification.kind,
      hub_id: notification.hubId,
      update_id: notification.updateId ?? null,
      due_date: notification.dueDate ?? null,
      dedupe_key: `${notification.key}:u${recipient.id}`,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return false;
  const language = recipient.preferred_language;
  const t = await getTranslator(language);
  const values = {
    hub: await hubTitle(db, notification.hubId, language),
    date: notification.dueDate ? formatDate(notification.dueDate, language, "long") : "",
  };
  await queueMail(db, {
    to: recipient.email,
    subject: t(`monitoring:mail.${notification.kind}.subject`, values),
    text: `${t(`monitoring:mail.${notification.kind}.body`, values)}\n\n${t("monitoring:mail.footer")}`,
    kind: notification.kind,
    language,
  });
  return true;
}

async function councilMembers(db: Db): Promise<Recipient[]> {
  return db.selectFrom("users").select(["id", "email", "preferred_language"]).where("role", "=", "council").where("disabled_at", "is", null).orderBy("id").execute();
}

async function cityRepresentatives(db: Db, organisationIds: number[]): Promise<(Recipient & { organisation_id: number | null })[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["id", "email", "preferred_language", "organisation_id"])
    .where("role", "=", "city")
    .where("disabled_at", "is", null)
    .where("organisation_id", "in", organisationIds)
    .orderBy("id")
    .execute();
}

/** Tells the council a report waits for review (called inside the submitting transaction). */
export async function notifyUpdateSubmitted(trx: Db, updateId: number): Promise<void> {
  const update = await trx.selectFrom("progress_updates").select(["hub_id", "version", "due_date"]).where("id", "=", updateId).executeTakeFirstOrThrow();
  for (const member of await councilMembers(trx)) {
    await notifyOnce(trx, member, { kind: "update_submitted", hubId: update.hub_id, updateId, dueDate: update.due_date, key: `update_submitted:${updateId}:v${update.version}` });
  }
}

/** Tells the city its report was accepted or needs clarification (inside the reviewing transaction). */
export async function notifyUpdateReviewed(trx: Db, updateId: number, decision: "accept" | "clarify"): Promise<void> {
  const update = await trx
    .selectFrom("progress_updates as u")
    .innerJoin("hubs as h", "h.id", "u.hub_id")
    .select(["u.hub_id", "u.version", "u.due_date", "h.lead_organisation_id"])
    .where("u.id", "=", updateId)
    .executeTakeFirstOrThrow();
  const kind: NotificationKind = decision === "accept" ? "update_accepted" : "update_clarification";
  for (const user of await cityRepresentatives(trx, [update.lead_organisation_id])) {
    await notifyOnce(trx, user, { kind, hubId: update.hub_id, updateId, dueDate: update.due_date, key: `${kind}:${updateId}:v${update.version}` });
  }
}

/** The recognised HUBs whose organisation has someone to remind, in batches of `size` ids. */
async function hubsWithRepresentatives(db: Db, size = 1000): Promise<number[][]> {
  const rows = await db
    .selectFrom("hubs as h")
    .select("h.id")
    .where("h.status", "=", "recognised")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("users as u")
          .select(sql`1`.as("one"))
          .whereRef("u.organisation_id", "=", "h.lead_organisation_id")
          .where("u.role", "=", "city")
          .where("u.disabled_at", "is", null),
      ),
    )
    .orderBy("h.id")
    .execute();
  const batches: number[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size).map((row) => row.id));
  return batches;
}

export const REMINDER_JOB = "report_reminders";
/** Any fixed 64-bit number shared by every process: the advisory lock of the reminder job. */
const REMINDER_LOCK_ID = 4_021_120_401;

/**
 * The scheduled reminder job: report due in 30 days, due today and overdue, to the HUB's city
 * representatives. Safe to run from several processes at once: a transaction-level advisory lock
 * lets one run at a time, and the notifications' unique keys make each reminder exist once anyway.
 */
export async function runReportReminders(db: Kysely<Database>, { today }: { today: string }): Promise<{ ran: boolean; sent: number }> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${REMINDER_LOCK_ID}::bigint) as locked`.execute(trx);
    if (!rows[0]?.locked) return { ran: false, sent: 0 };
    const now = new Date();
    await trx
      .insertInto("job_runs")
      .values({ name: REMINDER_JOB, last_started_at: now })
      .onConflict((oc) => oc.column("name").doUpdateSet({ last_started_at: now }))
      .execute();
    let sent = 0;
    for (const hubIds of await hubsWithRepresentatives(trx)) {
      const calendars = await listHubCalendars(trx, { today, hubIds });
      const users = await cityRepresentatives(trx, [...new Set(calendars.map((hub) => hub.leadOrganisationId))]);
      for (const hub of calendars) {
        const recipients = users.filter((user) => user.organisation_id === hub.leadOrganisationId);
        const reminders: { kind: NotificationKind; dueDate: string; periodKind: string }[] = hub.calendar.overdue.map((period) => ({
          kind: "report_overdue",
          dueDate: period.dueDate,
          periodKind: period.kind,
        }));
        for (const period of hub.calendar.pending) {
          if (period.state === "due_soon") reminders.push({ kind: "report_due_soon", dueDate: period.dueDate, periodKind: period.kind });
          if (period.state === "due_today") reminders.push({ kind: "report_due_today", dueDate: period.dueDate, periodKind: period.kind });
        }
        for (const reminder of reminders) {
          for (const user of recipients) {
            const key = `${reminder.kind}:h${hub.hubId}:${reminder.periodKind}:${reminder.dueDate}`;
            if (await notifyOnce(trx, user, { kind: reminder.kind, hubId: hub.hubId, dueDate: reminder.dueDate, key })) sent += 1;
          }
        }
      }
      // The calendars are plain CPU work (about 45 µs a HUB): let requests in between batches,
      // or a registry of 100,000 HUBs would stall the server for seconds every minute.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await trx
      .updateTable("job_runs")
      .set({ last_finished_at: new Date(), last_result: `sent ${sent}` })
      .where("name", "=", REMINDER_JOB)
      .execute();
    return { ran: true, sent };
  });
}

export async function listNotifications(db: Db, userId: number, language: Language, limit = 100) {
  return db
    .selectFrom("notifications as n")
    .leftJoin("hubs as h", "h.id", "n.hub_id")
    .select([
      "n.id",
      "n.kind",
      "n.hub_id",
      "n.update_id",
      "n.due_date",
      "n.created_at",
      "n.read_at",
      sql<string | null>`${hubTitleSql(language)}`.as("hub_title"),
    ])
    .where("n.user_id", "=", userId)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(limit)
    .execute();
}

/** How many of the user's notifications are unread: the count the navigation shows on every page (notifications_user_idx). */
export async function countUnreadNotifications(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)`.as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markNotificationsRead(db: Db, userId: number): Promise<void> {
  await db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}
