import { sql, type Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, Language } from "../../../db/schema";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { pickText } from "~/modules/i18n/text-fallback";
import { queueMail } from "~/modules/mail/mailer.server";

/**
 * The calls' e-mails, queued by the scheduled jobs (app/modules/progress/jobs.server.ts):
 * - when a dated call opens, its announcement to every verified organisation's representatives
 *   whose kind of organisation may apply;
 * - when a call's results are published, a notice to every applicant (the representatives of each
 *   organisation that submitted a proposal to it) with the decision on their proposal.
 * Each in the recipient's language. Sent once even with several app processes: a job run claims the
 * call with one conditional UPDATE (`announced_at is null` → now) in the transaction that queues the
 * messages; a second process racing it updates no row and queues nothing, and a failure rolls both back.
 */
export async function runCallNotices(db: DB, { now, origin }: { now: Date; origin: string }): Promise<{ announced: number; resultsNotified: number; messages: number }> {
  let messages = 0;
  const opened = await db
    .selectFrom("calls")
    .select("id")
    .where("published", "=", true)
    .where("standing", "=", false)
    .where("announced_at", "is", null)
    .where("opens_at", "<=", now)
    .where("closes_at", ">", now)
    .where("results_published_at", "is", null)
    .execute();
  let announced = 0;
  for (const { id } of opened) {
    const queued = await announceCall(db, id, now, origin);
    if (queued !== null) {
      announced += 1;
      messages += queued;
    }
  }
  const decided = await db.selectFrom("calls").select("id").where("results_published_at", "is not", null).where("results_notified_at", "is", null).execute();
  let resultsNotified = 0;
  for (const { id } of decided) {
    const queued = await notifyResults(db, id, now, origin);
    if (queued !== null) {
      resultsNotified += 1;
      messages += queued;
    }
  }
  return { announced, resultsNotified, messages };
}

async function callTexts(db: DB | Transaction<Database>, callId: number) {
  const [call, texts] = await Promise.all([
    db.selectFrom("calls").select(["slug", "original_language", "closes_at", "eligible_kinds"]).where("id", "=", callId).executeTakeFirstOrThrow(),
    db.selectFrom("call_translations").select(["language", "title", "summary"]).where("call_id", "=", callId).execute(),
  ]);
  return { call, texts };
}

/** Claims and queues one call's announcement; null when another run claimed it first. */
async function announceCall(db: DB, callId: number, now: Date, origin: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable("calls").set({ announced_at: now }).where("id", "=", callId).where("announced_at", "is", null).returning("id").executeTakeFirst();
    if (!claimed) return null;
    const { call, texts } = await callTexts(trx, callId);
    const kinds = Array.isArray(call.eligible_kinds) ? call.eligible_kinds : String(call.eligible_kinds).replace(/^\{|\}$/g, "").split(",");
    const recipients = await trx
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select(["u.email", "u.preferred_language"])
      .where("u.role", "=", "city")
      .where("u.disabled_at", "is", null)
      .where("o.verified_at", "is not", null)
      .where(sql<boolean>`o.kind = any(${sql.val(`{${kinds.join(",")}}`)}::text[])`)
      .orderBy("u.id")
      .execute();
    for (const recipient of recipients) {
      const language = recipient.preferred_language;
      const t = await getTranslator(language);
      const title = pickText(texts, "title", language, call.original_language)?.text ?? call.slug;
      await queueMail(trx, {
        to: recipient.email,
        subject: t("calls:mail.opened.subject", { title }),
        text: t("calls:mail.opened.body", {
          title,
          summary: pickText(texts, "summary", language, call.original_language)?.text ?? "",
          deadline: call.closes_at ? formatDateTime(call.closes_at, language) : "",
          url: `${origin}/${language}/calls/${call.slug}`,
        }),
        kind: "call_opened",
        language,
      });
    }
    return recipients.length;
  });
}

/** Claims and queues one call's results notices; null when another run claimed them first. */
async function notifyResults(db: DB, callId: number, now: Date, origin: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable("calls").set({ results_notified_at: now }).where("id", "=", callId).where("results_notified_at", "is", null).returning("id").executeTakeFirst();
    if (!claimed) return null;
    const { call, texts } = await callTexts(trx, callId);
    const applicants = await trx
      .selectFrom("hubs as h")
      .innerJoin("users as u", (join) => join.onRef("u.organisation_id", "=", "h.lead_organisation_id").on("u.role", "=", "city"))
      .select(["h.id as hub_id", "h.status", "h.original_language", "u.email", "u.preferred_language"])
      .where("h.call_id", "=", callId)
      .where("h.submitted_at", "is not", null)
      .where("u.disabled_at", "is", null)
      .orderBy("h.id")
      .orderBy("u.id")
      .execute();
    const hubIds = [...new Set(applicants.map((row) => row.hub_id))];
    const hubTexts = hubIds.length ? await trx.selectFrom("hub_translations").select(["hub_id", "language", "title"]).where("hub_id", "in", hubIds).execute() : [];
    for (const applicant of applicants) {
      const language: Language = SUPPORTED_LANGUAGES.includes(applicant.preferred_language) ? applicant.preferred_language : "en";
      const t = await getTranslator(language);
      const title = pickText(texts, "title", language, call.original_language)?.text ?? call.slug;
      const hub =
        pickText(
          hubTexts.filter((row) => row.hub_id === applicant.hub_id),
          "title",
          language,
          applicant.original_language,
        )?.text ?? "";
      await queueMail(trx, {
        to: applicant.email,
        subject: t("calls:mail.results.subject", { title }),
        text: t("calls:mail.results.body", { title, hub, decision: t(`calls:mail.decision.${applicant.status}`), url: `${origin}/${language}/calls/${call.slug}` }),
        kind: "call_results",
        language,
      });
    }
    return applicants.length;
  });
}
