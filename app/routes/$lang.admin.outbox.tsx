import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/modules/accounts/admin-nav";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listOutbox, redactedBody } from "~/modules/mail/mailer.server";

export const handle = { i18n: ["common", "accounts", "admin", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:outbox");
  const t = await getTranslator(language);
  const messages = await listOutbox(context.db, { limit: 100 });
  const now = Date.now();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return json({
    language,
    title: t("admin:outbox.title"),
    smtp: Boolean(context.env.SMTP_URL),
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      // Never a link token, even one that still works (security review, finding 5).
      body: redactedBody(m.body_text, t("admin:outbox.tokenHidden")),
      kind: m.kind,
      language: m.language,
      created: `${when.format(new Date(m.created_at))} UTC`,
      status: m.sent_at ? "sent" : m.link_expires_at && new Date(m.link_expires_at).getTime() <= now ? "expired" : m.error ? "failed" : "queued",
      error: m.error,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AdminOutboxPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { t: tc } = useTranslation("common");
  return (
    <div className="container admin">
      <AdminNav language={data.language} current="outbox" />
      <h1>{t("outbox.title")}</h1>
      <p>{data.smtp ? t("outbox.smtpOn") : t("outbox.smtpOff")}</p>
      {data.messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ol className="outbox">
          {data.messages.map((m) => (
            <li key={m.id} className="outbox__message">
              <article aria-labelledby={`message-${m.id}`}>
                <h2 id={`message-${m.id}`}>{m.subject}</h2>
                <dl className="outbox__meta">
                  <dt>{t("outbox.to")}</dt>
                  <dd>{m.to}</dd>
                  <dt>{t("outbox.date")}</dt>
                  <dd>{m.created}</dd>
                  <dt>{t("outbox.language")}</dt>
                  <dd>{tc(`languages.${m.language}`)}</dd>
                  <dt>{t("outbox.status")}</dt>
                  <dd>
                    {t(`outbox.statuses.${m.status}`)}
                    {m.error ? ` (${m.error})` : null}
                  </dd>
                </dl>
                <pre className="outbox__body">{m.body}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
