import { Link, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDateTime } from "~/modules/i18n/format";

interface RootCallData {
  openCall: { slug: string; title: string; closesAt: string; count: number } | null;
}

/**
 * The open call, under the header of every page but the home page (which shows it in its own banner):
 * a line of navigation to it. Its words are in the "common" namespace, which every page loads. Kept out
 * of the header itself so the header stays one line (tests/e2e/map-first.test.ts).
 */
export function OpenCallStrip({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const openCall = useRouteLoaderData<RootCallData>("root")?.openCall;
  const onHome = useMatches().some((match) => match.id === "routes/$lang._index");
  if (!openCall || onHome) return null;
  return (
    <nav className="open-call-strip" aria-label={t("callStrip.label")}>
      <p className="container">
        {t("callStrip.open", { title: openCall.title, deadline: formatDateTime(openCall.closesAt, language) })}{" "}
        <Link to={`/${language}/calls/${openCall.slug}`}>{t("callStrip.link")}</Link> · <Link to={`/${language}/calls`}>{t("nav.calls")}</Link>
      </p>
    </nav>
  );
}

/** The home page's notice of an open call (from the root loader, which the navigation reads too), in "common" so the map page loads no calls namespace. */
export function OpenCallBanner({ language }: { language: Language }) {
  const { t } = useTranslation("common");
  const openCall = useRouteLoaderData<RootCallData>("root")?.openCall;
  if (!openCall) return null;
  return (
    <p className="open-call-banner">
      <strong>{t("callStrip.bannerOpen", { title: openCall.title })}</strong> · {t("callStrip.bannerDeadline", { deadline: formatDateTime(openCall.closesAt, language) })} ·{" "}
      <Link to={`/${language}/calls/${openCall.slug}`}>{t("callStrip.link")}</Link>
    </p>
  );
}
