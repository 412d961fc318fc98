export const SUPPORTED_LANGUAGES = ["en", "es", "fr"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_COOKIE = "lng";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Shared by the server and the browser instance of i18next. */
export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  // Translated strings are rendered by React, which escapes them.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

/** The path with its language segment replaced, keeping the rest and the query. */
export function pathInLanguage(pathname: string, search: string, language: Language): string {
  const segments = pathname.split("/");
  if (isLanguage(segments[1])) segments[1] = language;
  else segments.splice(1, 0, language);
  const path = segments.join("/").replace(/\/$/, "") || `/${language}`;
  return `${path}${search}`;
}
