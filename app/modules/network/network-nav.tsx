import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";

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
