import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";

/**
 * The HUB network's links of the main navigation, for signed-in visitors by what they may do. An
 * anonymous visitor finds the events and the exchange space in the footer (NetworkFooterLinks): the
 * public header stays one line on a 1366 px screen in every language (tests/e2e/map-first.test.ts).
 */
export function NetworkNavLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const can = useRouteLoaderData<{ user: { can: NavigationPermissions } | null }>("root")?.user?.can;
  if (!can) return null;
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

/** The network's public pages, in the footer of every page. */
export function NetworkFooterLinks({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  return (
    <nav aria-label={t("footer.navLabel")} className="site-footer__nav">
      <ul>
        <li>
          <NavLink to={`/${language}/calls`}>{t("nav.calls")}</NavLink>
        </li>
        <li>
          <NavLink to={`/${language}/events`}>{t("nav.events")}</NavLink>
        </li>
        <li>
          <NavLink to={`/${language}/exchange`}>{t("nav.exchange")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
