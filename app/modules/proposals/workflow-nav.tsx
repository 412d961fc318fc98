import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";

/** The proposal/review links of the main navigation, by what the visitor may do (list items for the site nav). */
export function WorkflowNavLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const can = useRouteLoaderData<{ user: { can: NavigationPermissions } | null }>("root")?.user?.can;
  if (!can) return null;
  const links: { to: string; label: string }[] = [];
  if (can.proposeHubs) links.push({ to: `/${language}/my/hubs`, label: t("nav.myHubs") });
  if (can.review) links.push({ to: `/${language}/review`, label: t("nav.review") });
  if (can.editThemes) links.push({ to: `/${language}/admin/themes`, label: t("nav.themes") });
  if (can.listMissingTranslations) links.push({ to: `/${language}/admin/translations`, label: t("nav.translations") });
  return (
    <>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to}>{link.label}</NavLink>
        </li>
      ))}
    </>
  );
}
