import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SUPPORTED_LANGUAGES, pathInLanguage, type Language } from "~/modules/i18n/config";
import type { NavigationPermissions } from "~/modules/permissions/permissions";
import { MonitoringNavLinks } from "~/modules/progress/nav-links";
import { WorkflowNavLinks } from "~/modules/proposals/workflow-nav";

/** Each language named in itself, so a reader finds their own whatever the page's language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Español", fr: "Français" };

export function SiteHeader({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to={`/${language}`} className="brand">
          <span className="brand__mark" aria-hidden="true">
            L4A
          </span>
          <span className="brand__name">{t("siteName")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to={`/${language}`} end>
                {t("nav.map")}
              </NavLink>
            </li>
            <MonitoringNavLinks language={language} />
            <WorkflowNavLinks language={language} />
          </ul>
        </nav>
        <AccountMenu language={language} />
        <LanguageSwitcher current={language} />
      </div>
    </header>
  );
}

interface RootData {
  user: { displayName: string; role: "city" | "council" | "secretariat"; can: NavigationPermissions } | null;
}

function AccountMenu({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const user = useRouteLoaderData<RootData>("root")?.user;
  if (!user) {
    const redirectTo = `${location.pathname}${location.search}`;
    return (
      <div className="account-menu">
        <Link className="account-link" to={`/${language}/login?${new URLSearchParams({ redirectTo })}`}>
          {t("nav.login")}
        </Link>
        <Link className="account-link" to={`/${language}/signup`}>
          {t("nav.signup")}
        </Link>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <span>
        {t("signedInAs", { name: user.displayName })} ({t(`roles.${user.role}`)})
      </span>
      <Link className="account-link" to={`/${language}/account`}>
        {t("nav.account")}
      </Link>
      {user.can.administerOrganisations ? (
        <Link className="account-link" to={`/${language}/admin/organisations`}>
          {t("nav.admin")}
        </Link>
      ) : null}
      <Form method="post" action={`/${language}/logout`}>
        <button type="submit" className="button--link">
          {t("nav.logout")}
        </button>
      </Form>
    </div>
  );
}

export function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  return (
    <nav aria-label={t("languageSwitcher.label")} className="language-switcher">
      <ul>
        {SUPPORTED_LANGUAGES.map((language) => (
          <li key={language}>
            <Link
              to={pathInLanguage(location.pathname, location.search, language)}
              lang={language}
              hrefLang={language}
              aria-current={language === current ? "true" : undefined}
            >
              {LANGUAGE_NAMES[language]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteFooter() {
  const { t } = useTranslation("common");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.text")}</p>
      </div>
    </footer>
  );
}
