import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { languageParam } from "~/modules/http/params.server";
import { can } from "~/modules/permissions/permissions";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listNotifications, markNotificationsRead } from "~/modules/progress/notifications.server";

export const handle = { i18n: ["common", "monitoring"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const [notifications, t] = await Promise.all([listNotifications(context.db, user.id, language), getTranslator(language)]);
  return json({
    language,
    // Where a notification without an update leads: the city's reporting page, or the dashboard.
    progressHome: can(user, "progress:submit") ? `/${language}/progress` : `/${language}/council`,
    notifications: notifications.map((row) => ({ ...row, created_at: new Date(row.created_at).toISOString(), read: row.read_at !== null })),
    title: t("monitoring:notifications.title"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  await markNotificationsRead(context.db, user.id);
  return redirect(`/${language}/notifications`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function NotificationsPage() {
  const { language, progressHome, notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation("monitoring");
  const unread = notifications.filter((row) => !row.read).length;
  return (
    <div className="container narrow">
      <h1>{t("notifications.title")}</h1>
      <p role="status">{t("notifications.unread", { count: unread })}</p>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t("notifications.markRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="empty">{t("notifications.none")}</p> : null}
      <ul className="notification-list">
        {notifications.map((row) => {
          const text = t(`notifications.kinds.${row.kind}`, { hub: row.hub_title ?? "", date: row.due_date ? formatDate(row.due_date, language, "long") : "" });
          const href = row.kind.startsWith("sync_")
            ? `/${language}/synchronisation`
            : row.kind.startsWith("exchange_")
              ? `/${language}/exchange`
              : row.update_id
                ? `/${language}/progress/updates/${row.update_id}`
                : row.kind === "organisation_verified" || (row.kind === "hub_recognised" && row.hub_id)
                  ? row.hub_id
                    ? `/${language}/my/hubs/${row.hub_id}`
                    : `/${language}/my/hubs`
                  : progressHome;
          return (
            <li key={row.id} className={row.read ? "notification" : "notification notification--unread"}>
              {!row.read ? <span className="visually-hidden">{t("notifications.new")}: </span> : null}
              <Link to={href}>{text}</Link> <time dateTime={row.created_at}>{formatDate(row.created_at, language)}</time>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
