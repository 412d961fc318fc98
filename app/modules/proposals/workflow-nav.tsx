import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";

/** The proposal/review links of the main navigation, by role (list items for the site nav). */
export function WorkflowNavLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const role = useRouteLoaderData<{ user: { role: "city" | "council" | "secretariat" } | null }>("root")?.user?.role;
  if (!role) return null;
  const links: { to: string; label: string }[] = [];
  if (role === "city") links.push({ to: `/${language}/my/hubs`, label: t("nav.myHubs") });
  if (role === "council" || role === "secretariat") links.push({ to: `/${language}/review`, label: t("nav.review") });
  if (role === "secretariat") {
    links.push({ to: `/${language}/admin/themes`, label: t("nav.themes") });
    links.push({ to: `/${language}/admin/translations`, label: t("nav.translations") });
  }
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
