import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";

interface RootData {
  user: { can: NavigationPermissions; unreadNotifications: number } | null;
}

/** Monitoring entries of the main navigation (list items), by what the visitor may do; the annual report is public. */
export function MonitoringNavLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const user = useRouteLoaderData<RootData>("root")?.user;
  const year = new Date().getUTCFullYear();
  return (
    <>
      {user?.can.submitProgress ? (
        <li>
          <NavLink to={`/${language}/progress`}>{t("nav.progress")}</NavLink>
        </li>
      ) : null}
      {user?.can.readDashboard ? (
        <li>
          <NavLink to={`/${language}/council`}>{t("nav.council")}</NavLink>
        </li>
      ) : null}
      {user ? (
        <li>
          <NavLink to={`/${language}/notifications`}>
            {t("nav.notifications")}
            {user.unreadNotifications > 0 ? (
              <>
                {" "}
                {/* Read as "Notifications (3 unread)"; seen as a count badge. */}
                <span className="nav-count" aria-hidden="true">
                  {user.unreadNotifications}
                </span>
                <span className="visually-hidden">{t("nav.unread", { count: user.unreadNotifications })}</span>
              </>
            ) : null}
          </NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to={`/${language}/reports/${year}`}>{t("nav.report")}</NavLink>
      </li>
    </>
  );
}
