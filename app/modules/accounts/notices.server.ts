import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { queueMail } from "~/modules/mail/mailer.server";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Security notices about one's own account, by e-mail through the outbox, in the account's language:
 * the account is locked for a while (too many failed sign-ins: with the time it opens again), its
 * password changed, two-step sign-in turned on or off. They tell the owner when someone else did it.
 * Call inside the transaction that makes the change, so a rolled-back change sends nothing.
 */
export type AccountNotice = { kind: "locked"; unlockAt: Date } | { kind: "password_changed" } | { kind: "two_factor_on" } | { kind: "two_factor_off" };

const KEYS = { locked: "locked", password_changed: "passwordChanged", two_factor_on: "twoFactorOn", two_factor_off: "twoFactorOff" } as const;

export async function queueAccountNotice(db: Db, userId: number, notice: AccountNotice): Promise<void> {
  const user = await db.selectFrom("users").select(["email", "display_name", "preferred_language"]).where("id", "=", userId).executeTakeFirst();
  if (!user) return;
  const language = user.preferred_language;
  const t = await getTranslator(language);
  const values = { name: user.display_name, time: notice.kind === "locked" ? formatDateTime(notice.unlockAt.toISOString(), language) : "" };
  await queueMail(db, {
    to: user.email,
    subject: t(`accounts:notices.${KEYS[notice.kind]}.subject`, values),
    text: `${t(`accounts:notices.${KEYS[notice.kind]}.body`, values)}\n\n${t("accounts:notices.footer")}`,
    kind: `account_${notice.kind}`,
    language,
  });
}

/**
 * The city representatives of an organisation the secretariat has just verified: an e-mail and an
 * in-app notification each, in their language, once (the notification's key).
 */
export async function notifyOrganisationVerified(db: Db, organisationId: number): Promise<void> {
  const [organisation, members] = await Promise.all([
    db.selectFrom("organisations").select("name").where("id", "=", organisationId).executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .select(["id", "email", "display_name", "preferred_language"])
      .where("organisation_id", "=", organisationId)
      .where("role", "=", "city")
      .where("disabled_at", "is", null)
      .orderBy("id")
      .execute(),
  ]);
  for (const member of members) {
    const inserted = await db
      .insertInto("notifications")
      .values({ user_id: member.id, kind: "organisation_verified", hub_id: null, update_id: null, due_date: null, dedupe_key: `organisation-verified:o${organisationId}:u${member.id}` })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) continue;
    const t = await getTranslator(member.preferred_language);
    const values = { name: member.display_name, organisation: organisation.name };
    await queueMail(db, {
      to: member.email,
      subject: t("accounts:notices.organisationVerified.subject", values),
      text: `${t("accounts:notices.organisationVerified.body", values)}\n\n${t("accounts:notices.footer")}`,
      kind: "organisation_verified",
      language: member.preferred_language,
    });
  }
}
