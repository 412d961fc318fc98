import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { queueMail } from "~/modules/mail/mailer.server";

/**
 * The exchange space's daily digest: one e-mail per user and day at most, telling how many replies
 * arrived in the threads they follow since their last digest. Sent once across processes: the
 * digest is recorded as a notification whose `dedupe_key` (user and day) is unique, in the same
 * transaction as the outbox message, so a second process (or tick) inserts nothing and sends nothing.
 */
export async function runExchangeDigests(db: Kysely<Database>, { today }: { today: string }): Promise<{ sent: number }> {
  const pending = await sql<{ user_id: number; replies: number }>`
    select n.user_id, count(*)::int as replies from notifications n
    where n.kind = 'exchange_reply' and n.read_at is null
      and n.created_at > coalesce((select max(d.created_at) from notifications d where d.user_id = n.user_id and d.kind = 'exchange_digest'), '-infinity')
    group by n.user_id`.execute(db);
  let sent = 0;
  for (const { user_id: userId, replies } of pending.rows) {
    const wasSent = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("notifications")
        .values({ user_id: userId, kind: "exchange_digest", hub_id: null, update_id: null, due_date: today, dedupe_key: `exchange_digest:${today}:u${userId}`, read_at: new Date() })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return false;
      const user = await trx.selectFrom("users").select(["email", "preferred_language"]).where("id", "=", userId).where("disabled_at", "is", null).executeTakeFirst();
      if (!user) return false;
      const t = await getTranslator(user.preferred_language);
      await queueMail(trx, {
        to: user.email,
        subject: t("network:digest.subject", { count: replies }),
        text: `${t("network:digest.body", { count: replies })}\n\n${t("monitoring:mail.footer")}`,
        kind: "exchange_digest",
        language: user.preferred_language,
      });
      return true;
    });
    if (wasSent) sent += 1;
  }
  return { sent };
}
