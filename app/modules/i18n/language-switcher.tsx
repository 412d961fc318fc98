import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SUPPORTED_LANGUAGES, pathInLanguage, type Language } from "./config";

/** Each language named in itself, so a reader finds their own whatever the page's language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Español", fr: "Français" };

/** Links to the same page in each supported language (for the site header). */
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
