import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SUPPORTED_LANGUAGES, DEFAULT_LANGUAGE, isLanguage, pathInLanguage, type Language } from "~/modules/i18n/config";
import { getSessionUser, requireEnrolled } from "~/modules/accounts/session.server";
import { passRetryAfter } from "~/modules/http/rate-limit.server";
import { languageOfRequest } from "~/modules/i18n/i18next.server";
import { LanguageSwitcher } from "~/modules/i18n/language-switcher";
import { countUnreadNotifications } from "~/modules/progress/notifications.server";
import { OpenCallStrip } from "~/modules/calls/calls-nav";
import { featuredOpenCall } from "~/modules/calls/calls.server";
import { NetworkFooterLinks } from "~/modules/network/network-nav";
import { SiteFooter, SiteHeader } from "~/ui/layout";
import stylesheet from "~/styles/app.css";
import { siteNavigation } from "~/modules/permissions/permissions.server";
import { publicOrigin } from "~/modules/http/public-url.server";
import { useNonce } from "~/modules/http/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The layout's strings only: each route names its own namespaces, and a page downloads no others.
export const handle = { i18n: ["common"] };

/** The error boundary's document keeps a thrown 429's Retry-After (Remix passes only Set-Cookie on by itself). */
export const headers = passRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const language = await languageOfRequest(request);
  const origin = publicOrigin(context.env);
  const now = new Date();
  const year = now.getUTCFullYear();
  const [user, openCall] = await Promise.all([getSessionUser(context, request), featuredOpenCall(context.db, language, now)]);
  if (!user) return json({ language, origin, openCall, navigation: siteNavigation(null, language, { year }), user: null });
  // An account that must enrol in two-factor sign-in sees no page, public ones included, before it has.
  requireEnrolled(user, request);
  // The navigation's unread count: one indexed count per signed-in page (anonymous pages skip it).
  const unreadNotifications = await countUnreadNotifications(context.db, user.id);
  const navigation = siteNavigation(user, language, { year, unreadNotifications });
  return json({ language, origin, openCall, navigation, user: { displayName: user.displayName, role: user.role } });
}

/** The root's data depends on the language segment, which belongs to a child route's params. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname.split("/")[1] !== nextUrl.pathname.split("/")[1] || defaultShouldRevalidate;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children, language, title }: { children: ReactNode; language: Language; title?: string }) {
  const { i18n } = useTranslation();
  const location = useLocation();
  const rootData = useRootData();
  const origin = rootData?.origin ?? "";
  const nonce = useNonce();
  // Pages made to be framed elsewhere (the embed map) set handle.bare: no site header or footer.
  const bare = useMatches().some((match) => (match.handle as { bare?: boolean } | undefined)?.bare);
  return (
    <html lang={language} dir={i18n.dir(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        {SUPPORTED_LANGUAGES.map((alternate) => (
          <link
            key={alternate}
            rel="alternate"
            hrefLang={alternate}
            href={`${origin}${pathInLanguage(location.pathname, location.search, alternate)}`}
          />
        ))}
        <Links />
      </head>
      <body className={bare ? "bare" : undefined}>
        <a className="skip-link" href="#main">
          {i18n.t("common:skipToContent")}
        </a>
        {bare ? null : (
          <SiteHeader
            language={language}
            links={rootData?.navigation.main ?? []}
            accountLinks={rootData?.navigation.account ?? []}
            languageSwitcher={<LanguageSwitcher current={language} />}
          />
        )}
        {bare ? null : <OpenCallStrip language={language} />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {bare ? null : <SiteFooter navigation={<NetworkFooterLinks language={language} />} />}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  const language = data?.language ?? DEFAULT_LANGUAGE;
  useChangeLanguage(language);
  return (
    <Document language={language}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const location = useLocation();
  const urlLanguage = location.pathname.split("/")[1];
  const language = isLanguage(urlLanguage) ? urlLanguage : data?.language ?? DEFAULT_LANGUAGE;
  useChangeLanguage(language);
  const { t } = useTranslation("common");
  return (
    <Document language={language} title={`${t(`errors.${errorKind(error)}.title`)} · ${t("siteName")}`}>
      <ErrorPage error={error} />
    </Document>
  );
}

export function ErrorPage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(error);
  if (status >= 500 && !isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page container" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p className="error-status">{t("errors.status", { status })}</p>
      <p>
        <a href={`/${isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE}`}>{t("errors.home")}</a>
      </p>
    </section>
  );
}

function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 429) return "tooManyRequests";
  return status === 404 ? "notFound" : status === 503 ? "unavailable" : status === 403 ? "forbidden" : "unexpected";
}
