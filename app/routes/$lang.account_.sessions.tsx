import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { destroySession, endUserSession, listUserSessions, revokeOtherSessions, revokeUserSessions, signedOutHeaders } from "~/modules/accounts/session.server";
import { SessionsSchema } from "~/modules/accounts/sessions";
import { describeDevice } from "~/modules/accounts/user-agent";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

/** "Your sessions": where the account is signed in (device, IP, last seen); end one, the others, or all. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const t = await getTranslator(language);
  const sessions = await listUserSessions(context.db, context.env, user);
  return json({
    title: t("accounts:sessions.title"),
    sessions: sessions.map((session) => ({
      key: session.key,
      current: session.current,
      awaitingCode: session.awaitingCode,
      device: describeDevice(session.userAgent),
      ip: session.ip,
      lastSeen: formatDateTime(session.lastSeenAt.toISOString(), language),
      signedIn: formatDateTime(session.createdAt.toISOString(), language),
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const submission = parseForm(await readFormData(request), { schema: SessionsSchema });
  if (submission.status !== "success") return json({ ended: null }, { status: 400 });
  const source = requestSource(context, request);
  const value = submission.value;
  if (value.intent === "endAll") {
    await revokeUserSessions(context.db, user.id);
    await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "sessions_ended", comment: "all", source });
    const cookie = await destroySession(context, request);
    throw redirect(`/${language}/login`, { headers: signedOutHeaders(cookie) });
  }
  if (value.intent === "endOthers") {
    await revokeOtherSessions(context, request, user.id);
    await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "sessions_ended", comment: "others", source });
    return json({ ended: "others" as const });
  }
  if (value.key === user.sessionId.slice(0, value.key.length)) {
    // Ending this very session is logging out.
    const cookie = await destroySession(context, request);
    throw redirect(`/${language}/login`, { headers: signedOutHeaders(cookie) });
  }
  if (!(await endUserSession(context.db, user.id, value.key))) return json({ ended: null }, { status: 404 });
  await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "sessions_ended", comment: "one", source });
  return json({ ended: "one" as const });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function SessionsPage() {
  const { title, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const deviceName = (device: { browser: string | null; system: string | null }) =>
    device.browser && device.system
      ? t("sessions.device", { browser: device.browser, system: device.system })
      : (device.browser ?? device.system ?? t("sessions.unknownDevice"));
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      {actionData?.ended ? (
        <p className="notice" role="status">
          {actionData.ended === "others" ? t("sessions.endedOthers") : t("sessions.endedOne")}
        </p>
      ) : null}
      <p>{t("sessions.lead")}</p>
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.key} className="panel">
            <h2 className="session-device">
              {deviceName(session.device)}
              {session.current ? <span className="badge badge--ok">{t("sessions.current")}</span> : null}
              {session.awaitingCode ? <span className="badge badge--pending">{t("sessions.awaitingCode")}</span> : null}
            </h2>
            <dl className="account-profile">
              <dt>{t("sessions.ip")}</dt>
              <dd>{session.ip ?? t("sessions.unknown")}</dd>
              <dt>{t("sessions.lastSeen")}</dt>
              <dd>{session.lastSeen}</dd>
              <dt>{t("sessions.signedIn")}</dt>
              <dd>{session.signedIn}</dd>
            </dl>
            <Form method="post">
              <input type="hidden" name="intent" value="end" />
              <input type="hidden" name="key" value={session.key} />
              <button type="submit" className="button button--secondary" aria-label={t("sessions.endLabel", { device: deviceName(session.device), lastSeen: session.lastSeen })}>
                {session.current ? t("sessions.endThis") : t("sessions.end")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <div className="account-menu">
        <Form method="post">
          <input type="hidden" name="intent" value="endOthers" />
          <button type="submit" className="button button--secondary">
            {t("sessions.endOthers")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="endAll" />
          <button type="submit" className="button">
            {t("sessions.endAll")}
          </button>
        </Form>
      </div>
    </div>
  );
}
