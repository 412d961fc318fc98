import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A link of the site navigation, as the root loader lists them (permissions/navigation.ts decides which). */
export interface SiteLink {
  to: string;
  /** A key of the "common" namespace. */
  label: string;
  unread?: number;
}

/**
 * The site's header. What it shows beyond the home link comes in as data (the links the visitor
 * may follow) and elements (the language switcher), so shared UI depends on no domain module: the
 * root route composes them.
 */
export function SiteHeader({
  language,
  links,
  accountLinks,
  languageSwitcher,
}: {
  language: string;
  links: SiteLink[];
  accountLinks: SiteLink[];
  languageSwitcher: ReactNode;
}) {
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
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>
                      {t(link.label)}
                      {link.unread ? (
                        <>
                          {" "}
                          {/* Read as "Notifications (3 unread)"; seen as a count badge. */}
                          <span className="nav-count" aria-hidden="true">
                            {link.unread}
                          </span>
                          <span className="visually-hidden">{t("nav.unread", { count: link.unread })}</span>
                        </>
                      ) : null}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <AccountMenu language={language} links={accountLinks} />
            {languageSwitcher}
          </div>
        </details>
      </div>
    </header>
  );
}

interface RootData {
  user: { displayName: string; role: "city" | "council" | "secretariat" } | null;
}

function AccountMenu({ language, links }: { language: string; links: SiteLink[] }) {
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
      {links.map((link) => (
        <Link key={link.to} className="account-link" to={link.to}>
          {t(link.label)}
        </Link>
      ))}
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
