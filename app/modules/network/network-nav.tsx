import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";

/** The HUB network's links of the main navigation: the events for everyone, the rest by what the visitor may do. */
export function NetworkNavLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const can = useRouteLoaderData<{ user: { can: NavigationPermissions } | null }>("root")?.user?.can;
  const links: { to: string; label: string }[] = [
    { to: `/${language}/events`, label: t("nav.events") },
    { to: `/${language}/exchange`, label: t("nav.exchange") },
  ];
  if (can?.synchronise) links.push({ to: `/${language}/synchronisation`, label: t("nav.synchronisation") });
  if (can?.editPolicyCouncils) links.push({ to: `/${language}/admin/policy-councils`, label: t("nav.policyCouncils") });
  if (can?.editNetworkEvents) links.push({ to: `/${language}/admin/events`, label: t("nav.networkEvents") });
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
