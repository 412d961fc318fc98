import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatNumber } from "~/modules/i18n/format";

/** Previous / next links that keep every filter of the current URL. */
export function Pagination({ page, pageCount, search, language }: { page: number; pageCount: number; search: string; language: Language }) {
  const { t } = useTranslation("map");
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t("pagination.previous")}
        </a>
      ) : null}
      <span>{t("pagination.status", { page: formatNumber(page, language), pages: formatNumber(pageCount, language) })}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {t("pagination.next")}
        </a>
      ) : null}
    </nav>
  );
}
