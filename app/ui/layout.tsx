import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The site's header. What it shows beyond the home link and the account menu comes in as
 * elements (the domains' navigation entries, the language switcher), so shared UI depends on no
 * domain module: the root route composes them.
 */
export function SiteHeader({ language, navigation, languageSwitcher }: { language: string; navigation: ReactNode; languageSwitcher: ReactNode }) {
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
        {/* One line on every screen: on narrow ones the links fold into this disclosure (no
            JavaScript needed); on wide ones app.css shows its content inline and hides the toggle. */}
        <details className="site-menu">
          <summary className="site-menu__toggle">{t("nav.menu")}</summary>
          <div className="site-menu__panel">
            <nav aria-label={t("nav.label")} className="site-nav">
              <ul>
                <li>
                  <NavLink to={`/${language}`} end>
                    {t("nav.map")}
                  </NavLink>
                </li>
                {navigation}
              </ul>
            </nav>
            <AccountMenu language={language} />
            {languageSwitcher}
          </div>
        </details>
      </div>
    </header>
  );
}

interface RootData {
  // The root loader's `can` flags (navigationPermissions); only the one this menu reads is named here.
  user: { displayName: string; role: "city" | "council" | "secretariat"; can: { administerOrganisations: boolean } } | null;
}

function AccountMenu({ language }: { language: string }) {
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

export function SiteFooter({ navigation }: { navigation?: ReactNode }) {
  const { t } = useTranslation("common");
  return (
    <footer className="site-footer">
      <div className="container">
        {navigation}
        <p>{t("footer.text")}</p>
      </div>
    </footer>
  );
}
