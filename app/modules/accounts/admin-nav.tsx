import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The secretariat's admin pages. */
export function AdminNav({ language, current }: { language: string; current: "organisations" | "accounts" | "invitations" | "outbox" }) {
  const { t } = useTranslation("admin");
  return (
    <nav aria-label={t("nav.label")} className="admin-nav">
      <ul>
        {(["organisations", "accounts", "invitations", "outbox"] as const).map((page) => (
          <li key={page}>
            <Link to={`/${language}/admin/${page}`} aria-current={page === current ? "page" : undefined}>
              {t(`nav.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
