import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";

interface RootCallData {
  openCall: { slug: string; title: string; closesAt: string; count: number } | null;
  user: { can: NavigationPermissions } | null;
}

/** The calls entries of the main navigation: the public calls page (naming an open call), and the secretariat's and council's pages. */
export function CallsNavLink({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const data = useRouteLoaderData<RootCallData>("root");
  const can = data?.user?.can;
  return (
    <>
      <li>
        <NavLink to={`/${language}/calls`}>{data?.openCall ? t("nav.callsOpen") : t("nav.calls")}</NavLink>
      </li>
      {can?.manageCalls ? (
        <li>
          <NavLink to={`/${language}/admin/calls`}>{t("nav.manageCalls")}</NavLink>
        </li>
      ) : null}
      {can?.evaluateCalls ? (
        <li>
          <NavLink to={`/${language}/evaluation`}>{t("nav.evaluation")}</NavLink>
        </li>
      ) : null}
    </>
  );
}
