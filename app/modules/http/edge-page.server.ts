import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/modules/i18n/config";
import { getTranslator, languageCookie } from "~/modules/i18n/i18next.server";

/** Why the edge (server/edge.ts) refused a request before any route saw it (or, `unavailable`, gave up waiting for it); keys of locales/{lang}/edge.json. */
export type EdgeRefusal = "badRequest" | "crossSite" | "tooLarge" | "unsupportedType" | "methodNotAllowed" | "misdirected" | "unavailable";

export const EDGE_STATUS: Record<EdgeRefusal, number> = {
  badRequest: 400,
  crossSite: 403,
  tooLarge: 413,
  unsupportedType: 415,
  methodNotAllowed: 405,
  misdirected: 421,
  unavailable: 503,
};

/** The language of a refused request: its path's first segment, else its language cookie, else English. */
export async function edgeLanguage(path: string, cookieHeader: string | undefined): Promise<Language> {
  const segment = path.split(/[/?]/)[1];
  if (isLanguage(segment)) return segment;
  try {
    const fromCookie = await languageCookie.parse(cookieHeader ?? null);
    if (isLanguage(fromCookie)) return fromCookie;
  } catch {
    // an unreadable cookie: the default language
  }
  return DEFAULT_LANGUAGE;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A small self-contained page (no script, no stylesheet) for a request refused at the edge: no
 * route ran, so the app's layout is not rendered; the words are still in the visitor's language.
 */
export async function edgePage(refusal: EdgeRefusal, language: Language): Promise<string> {
  const t = await getTranslator(language);
  const title = escapeHtml(t(`edge:${refusal}.title`));
  return `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escapeHtml(t("common:siteName"))}</title></head>
<body><main><h1>${title}</h1><p>${escapeHtml(t(`edge:${refusal}.body`))}</p><p>${escapeHtml(t("edge:status", { status: EDGE_STATUS[refusal] }))}</p><p><a href="/${language}">${escapeHtml(t("edge:home"))}</a></p></main></body></html>
`;
}
